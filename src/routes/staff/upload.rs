//! A small `multipart/form-data` reader for the import page's one upload (the body is
//! read whole, up to a limit, before this runs).

/// One part of a multipart body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The form field's name.
    pub name: String,
    /// The file name, for file fields.
    pub file_name: Option<String>,
    /// The content.
    pub data: Vec<u8>,
}

/// The boundary named by a `multipart/form-data` content type.
pub fn boundary(content_type: &str) -> Option<String> {
    let (kind, params) = content_type.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.split(';').find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        k.eq_ignore_ascii_case("boundary").then(|| v.trim_matches('"').to_owned())
    })
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|i| i + from)
}

fn param(header: &str, name: &str) -> Option<String> {
    header.split(';').find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        k.trim().eq_ignore_ascii_case(name).then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// Splits `body` into its parts; `None` when it is not well formed.
pub fn parts(body: &[u8], boundary: &str) -> Option<Vec<Part>> {
    let delimiter = format!("--{boundary}").into_bytes();
    let mut at = find(body, &delimiter, 0)? + delimiter.len();
    let mut out = Vec::new();
    loop {
        if body.get(at..at + 2) == Some(b"--") {
            return Some(out);
        }
        let head_start = at + 2;
        let head_end = find(body, b"\r\n\r\n", head_start)?;
        let head = std::str::from_utf8(&body[head_start..head_end]).ok()?;
        let mut closing = b"\r\n".to_vec();
        closing.extend_from_slice(&delimiter);
        let data_end = find(body, &closing, head_end + 4)?;
        let disposition = head.lines().find(|l| l.to_ascii_lowercase().starts_with("content-disposition:"))?;
        out.push(Part {
            name: param(disposition, "name")?,
            file_name: param(disposition, "filename"),
            data: body[head_end + 4..data_end].to_vec(),
        });
        at = data_end + closing.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_files_are_read_from_a_multipart_body() {
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\nকর্মশালা\r\n\
                    --XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\
                    Content-Type: text/csv\r\n\r\nservice,text\r\nA,b\r\n--XyZ--\r\n";
        let ct = "multipart/form-data; boundary=XyZ";
        let parts = parts(body.as_bytes(), &boundary(ct).unwrap()).unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!((parts[0].name.as_str(), parts[0].data.as_slice()), ("source", "কর্মশালা".as_bytes()));
        assert_eq!(parts[1].file_name.as_deref(), Some("a.csv"));
        assert_eq!(parts[1].data, b"service,text\r\nA,b");
    }

    #[test]
    fn other_content_types_and_broken_bodies_are_refused() {
        assert_eq!(boundary("application/x-www-form-urlencoded"), None);
        assert_eq!(parts(b"--XyZ\r\nno end", "XyZ"), None);
    }
}
