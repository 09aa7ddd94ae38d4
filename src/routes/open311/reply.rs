//! One answer, two formats: a small tree rendered as Open311 XML or JSON.

use serde_json::{Map, Value};

use crate::domain::text::escape_xml;

/// A value in an Open311 answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// Text (escaped in XML).
    Text(String),
    /// A whole number.
    Int(i64),
    /// A decimal number.
    Float(f64),
    /// `true` / `false`.
    Bool(bool),
    /// No value (`null`, an empty element).
    Null,
    /// Named fields, in order.
    Object(Vec<(&'static str, Node)>),
    /// A list whose XML items are named `item`.
    List(&'static str, Vec<Node>),
}

impl Node {
    /// Text from anything string-like.
    pub fn text(s: impl Into<String>) -> Node {
        Node::Text(s.into())
    }

    /// Text, or `Null` when absent.
    pub fn opt(s: Option<impl Into<String>>) -> Node {
        s.map(|s| Node::Text(s.into())).unwrap_or(Node::Null)
    }
}

fn write_xml(out: &mut String, name: &str, node: &Node) {
    match node {
        Node::Null => {
            out.push('<');
            out.push_str(name);
            out.push_str("/>");
        }
        Node::List(item, items) => {
            out.push_str(&format!("<{name}>"));
            for i in items {
                write_xml(out, item, i);
            }
            out.push_str(&format!("</{name}>"));
        }
        Node::Object(fields) => {
            out.push_str(&format!("<{name}>"));
            for (key, value) in fields {
                write_xml(out, key, value);
            }
            out.push_str(&format!("</{name}>"));
        }
        scalar => {
            let text = match scalar {
                Node::Text(t) => escape_xml(t),
                Node::Int(n) => n.to_string(),
                Node::Float(f) => f.to_string(),
                Node::Bool(b) => b.to_string(),
                _ => unreachable!("handled above"),
            };
            out.push_str(&format!("<{name}>{text}</{name}>"));
        }
    }
}

/// The XML document with `root` as its element.
pub fn to_xml(root: &str, node: &Node) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    write_xml(&mut out, root, node);
    out
}

/// The JSON form: objects become objects, lists arrays.
pub fn to_json(node: &Node) -> Value {
    match node {
        Node::Text(t) => Value::String(t.clone()),
        Node::Int(n) => Value::from(*n),
        Node::Float(f) => Value::from(*f),
        Node::Bool(b) => Value::Bool(*b),
        Node::Null => Value::Null,
        Node::Object(fields) => {
            Value::Object(fields.iter().map(|(k, v)| ((*k).to_owned(), to_json(v))).collect::<Map<_, _>>())
        }
        Node::List(_, items) => Value::Array(items.iter().map(to_json).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Node {
        Node::List(
            "service",
            vec![Node::Object(vec![
                ("service_code", Node::text("A&B")),
                ("metadata", Node::Bool(true)),
                ("group", Node::Null),
            ])],
        )
    }

    #[test]
    fn xml_is_escaped_and_lists_name_their_items() {
        let xml = to_xml("services", &sample());
        assert!(xml.ends_with("<services><service><service_code>A&amp;B</service_code><metadata>true</metadata><group/></service></services>"));
        assert_eq!(escape_xml("<x a='1'>\u{1}"), "&lt;x a=&apos;1&apos;&gt;\u{fffd}");
    }

    #[test]
    fn json_has_the_same_content() {
        assert_eq!(to_json(&sample()), serde_json::json!([{"service_code": "A&B", "metadata": true, "group": null}]));
    }
}
