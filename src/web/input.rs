//! Lenient input fields: a JSON client may send `3` or `"3"`, `true` or `"on"`;
//! a value of the wrong shape (an object, a list) becomes a field error, not a 400.

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::domain::{FieldError, FieldErrors};

/// One submitted value, as text, or a value that cannot be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A string, number or boolean, as text.
    Text(String),
    /// An object or a list where a single value was expected.
    WrongShape,
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
        f.write_str("a string, number or boolean")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Input, E> {
        Ok(Input::Text(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Input, E> {
        Ok(Input::Text(v))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Input, E> {
        Ok(Input::Text(v.to_string()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Input, E> {
        Ok(Input::Text(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Input, E> {
        Ok(Input::Text(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Input, E> {
        Ok(Input::Text(v.to_string()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Input, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Input::WrongShape)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Input, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Input::WrongShape)
    }
}

/// Takes the text of an optional input; a wrong shape records an error on `field`.
pub fn text(value: &Option<Input>, field: &str, errors: &mut FieldErrors) -> Option<String> {
    match value {
        Some(Input::Text(t)) => Some(t.clone()),
        Some(Input::WrongShape) => {
            errors.push(FieldError::new(field, "error-wrong-type"));
            None
        }
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Dto {
        a: Option<Input>,
    }

    #[test]
    fn numbers_booleans_and_strings_are_read_as_text() {
        for (json, want) in [(r#"{"a":3}"#, "3"), (r#"{"a":true}"#, "true"), (r#"{"a":"৩"}"#, "৩")] {
            let dto: Dto = serde_json::from_str(json).unwrap();
            assert_eq!(dto.a, Some(Input::Text(want.into())));
        }
    }

    #[test]
    fn objects_and_lists_are_a_wrong_shape_not_a_parse_error() {
        let dto: Dto = serde_json::from_str(r#"{"a":{"b":[1,2]}}"#).unwrap();
        assert_eq!(dto.a, Some(Input::WrongShape));
        let dto: Dto = serde_json::from_str(r#"{"a":null}"#).unwrap();
        assert_eq!(dto.a, None);
    }
}
