//! Checks shared by the chart tests.

/// Parses the chart as XML (panicking with the markup if it is not well-formed) and checks the
/// attributes every chart must carry.
pub fn assert_valid_chart(svg: &str) -> roxmltree::Document<'_> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed ({e}):\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("role"), Some("img"));
    assert_eq!(root.attribute("width"), Some("100%"));
    assert!(root.attribute("viewBox").is_some());
    let label = root.attribute("aria-labelledby").expect("aria-labelledby");
    let title = doc.descendants().find(|n| n.attribute("id") == Some(label)).expect("title with the labelledby id");
    assert_eq!(title.tag_name().name(), "title");
    if let Some(described) = root.attribute("aria-describedby") {
        let desc = doc.descendants().find(|n| n.attribute("id") == Some(described)).expect("desc with the id");
        assert_eq!(desc.tag_name().name(), "desc");
    }
    doc
}

/// The text of every `<text>` element, in order.
pub fn texts(doc: &roxmltree::Document<'_>) -> Vec<String> {
    doc.descendants().filter(|n| n.has_tag_name("text")).map(|n| n.text().unwrap_or("").to_owned()).collect()
}
