//! JSON input fields read one by one, so that a value of the wrong type is a
//! 422 naming its field rather than a 400 for the whole body.

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::domain::{FieldError, FieldErrors};

/// One JSON value, by type.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// A string.
    Str(String),
    /// A whole number.
    Int(i64),
    /// Any other number.
    Float(f64),
    /// `true` or `false`.
    Bool(bool),
    /// An object or a list.
    Compound,
}

impl<'de> Deserialize<'de> for Input {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(InputVisitor)
    }
}

struct InputVisitor;

impl<'de> Visitor<'de> for InputVisitor {
    type Value = Input;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Input, E> {
        Ok(Input::Str(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Input, E> {
        Ok(Input::Str(v))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Input, E> {
        Ok(Input::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Input, E> {
        Ok(Input::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Input, E> {
        Ok(i64::try_from(v).map(Input::Int).unwrap_or(Input::Float(v as f64)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Input, E> {
        Ok(Input::Float(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Input, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Input::Compound)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Input, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Input::Compound)
    }
}

/// Reads typed fields, recording a `wrong-type` error for each mismatch.
pub struct Fields<'a> {
    /// Errors found so far.
    pub errors: &'a mut FieldErrors,
}

impl Fields<'_> {
    fn wrong(&mut self, field: &str) {
        self.errors.push(FieldError::new(field, "error-wrong-type"));
    }

    /// A string, or `None` when absent or null; `required` makes absence an error.
    pub fn string(&mut self, value: &Option<Input>, field: &str, required: Option<&'static str>) -> Option<String> {
        match value {
            Some(Input::Str(s)) => Some(s.clone()),
            None => {
                if let Some(code) = required {
                    self.errors.push(FieldError::new(field, code));
                }
                None
            }
            Some(_) => {
                self.wrong(field);
                None
            }
        }
    }

    /// A whole number (a float with no fraction counts), as text for the shared parsers.
    pub fn integer(&mut self, value: &Option<Input>, field: &str) -> Option<String> {
        match value {
            Some(Input::Int(n)) => Some(n.to_string()),
            Some(Input::Float(f)) if f.fract() == 0.0 && f.abs() < 1e15 => Some((*f as i64).to_string()),
            Some(Input::Float(f)) if f.fract() == 0.0 => {
                self.errors.push(FieldError::new(field, "error-number-too-large"));
                None
            }
            None => None,
            Some(_) => {
                self.wrong(field);
                None
            }
        }
    }

    /// A boolean.
    pub fn boolean(&mut self, value: &Option<Input>, field: &str) -> Option<bool> {
        match value {
            Some(Input::Bool(b)) => Some(*b),
            None => None,
            Some(_) => {
                self.wrong(field);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Dto {
        a: Option<Input>,
    }

    fn read(json: &str) -> Option<Input> {
        serde_json::from_str::<Dto>(json).unwrap().a
    }

    #[test]
    fn values_keep_their_json_type() {
        assert_eq!(read(r#"{"a":3}"#), Some(Input::Int(3)));
        assert_eq!(read(r#"{"a":true}"#), Some(Input::Bool(true)));
        assert_eq!(read(r#"{"a":"৩"}"#), Some(Input::Str("৩".into())));
        assert_eq!(read(r#"{"a":{"b":[1,2]}}"#), Some(Input::Compound));
        assert_eq!(read(r#"{"a":null}"#), None);
    }

    #[test]
    fn a_string_where_a_number_belongs_is_a_field_error() {
        let mut errors = FieldErrors::new();
        let mut fields = Fields { errors: &mut errors };
        assert_eq!(fields.integer(&Some(Input::Str("5".into())), "days"), None);
        assert_eq!(fields.integer(&Some(Input::Float(5.0)), "cost"), Some("5".into()));
        assert_eq!(errors.0[0].code, "error-wrong-type");
    }
}
