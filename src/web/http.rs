//! One request and its answer, as the pages see them: read from the
//! socket with a bounded body, forms decoded (URL-encoded and multipart),
//! and the answer written with the security headers every page carries.

use std::io::Read;
use std::io::Write;

/// Headers on every answer: nothing from elsewhere, no guessing of types,
/// no address told to other sites, no framing, nothing kept in a cache.
pub const SECURITY_HEADERS: &[(&str, &str)] = &[
    ("Content-Security-Policy", "default-src 'self'"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("X-Frame-Options", "DENY"),
    ("Cache-Control", "no-store"),
];

/// The largest body a request may carry (an imported list, a form).
pub const MAX_BODY: usize = 8 * 1024 * 1024;

/// A request, read whole.
#[derive(Debug, Default)]
pub struct Request {
    pub method: String,
    /// The path, percent-decoded, without the query.
    pub path: String,
    pub query: Vec<(String, String)>,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// Why a request could not be read.
pub enum Unreadable {
    /// The body is larger than [`MAX_BODY`].
    TooLarge,
    /// The connection failed.
    Broken,
}

impl Request {
    /// Reads a request of the server, its body bounded by [`MAX_BODY`].
    pub fn read(raw: &mut tiny_http::Request) -> Result<Request, Unreadable> {
        if raw.body_length().is_some_and(|n| n > MAX_BODY) {
            return Err(Unreadable::TooLarge);
        }
        let mut body = Vec::new();
        raw.as_reader()
            .take(MAX_BODY as u64 + 1)
            .read_to_end(&mut body)
            .map_err(|_| Unreadable::Broken)?;
        if body.len() > MAX_BODY {
            return Err(Unreadable::TooLarge);
        }
        let (path, query) = raw.url().split_once('?').unwrap_or((raw.url(), ""));
        Ok(Request {
            method: raw.method().as_str().to_owned(),
            path: percent_decode(path),
            query: url_decoded(query.as_bytes()),
            headers: raw
                .headers()
                .iter()
                .map(|h| {
                    (
                        h.field.as_str().as_str().to_ascii_lowercase(),
                        h.value.as_str().to_owned(),
                    )
                })
                .collect(),
            body,
        })
    }

    /// The value of a header (its name in lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value of a query parameter.
    pub fn query(&self, name: &str) -> Option<&str> {
        first(&self.query, name)
    }

    /// The value of a cookie.
    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n == "cookie")
            .flat_map(|(_, v)| v.split(';'))
            .filter_map(|c| c.trim().split_once('='))
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
    }

    /// The fields of a URL-encoded form.
    pub fn form(&self) -> Vec<(String, String)> {
        url_decoded(&self.body)
    }

    /// The parts of a multipart form (`None` when it is not one).
    pub fn multipart(&self) -> Option<Vec<FormField>> {
        let kind = self.header("content-type")?;
        let boundary = kind
            .split(';')
            .filter_map(|p| p.trim().strip_prefix("boundary="))
            .next()?
            .trim_matches('"');
        Some(multipart(&self.body, boundary))
    }
}

/// One field of a multipart form (a value or a chosen file).
#[derive(Debug)]
pub struct FormField {
    pub name: String,
    /// The name of the chosen file, for a file field.
    pub file_name: Option<String>,
    pub bytes: Vec<u8>,
}

/// The value of the field `name` in decoded pairs.
pub fn first<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// `a=1&b=x+y` as pairs, `+` and `%XX` decoded.
fn url_decoded(text: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(text);
    text.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (
                percent_decode(&name.replace('+', " ")),
                percent_decode(&value.replace('+', " ")),
            )
        })
        .collect()
}

/// `%XX` sequences decoded; an invalid one kept as written.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The parts of a multipart body (RFC 7578).
fn multipart(body: &[u8], boundary: &str) -> Vec<FormField> {
    let delimiter = format!("--{boundary}").into_bytes();
    let mut parts = Vec::new();
    let mut rest = match find(body, &delimiter) {
        Some(at) => &body[at + delimiter.len()..],
        None => return parts,
    };
    while let Some(after) = rest.strip_prefix(b"\r\n") {
        let Some(end) = find(after, &[b"\r\n", delimiter.as_slice()].concat()) else {
            break;
        };
        let part = &after[..end];
        rest = &after[end + 2 + delimiter.len()..];
        let Some(split) = find(part, b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&part[..split]);
        let disposition = head
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition:"))
            .unwrap_or_default();
        let Some(name) = parameter(disposition, "name") else {
            continue;
        };
        parts.push(FormField {
            name,
            file_name: parameter(disposition, "filename"),
            bytes: part[split + 4..].to_vec(),
        });
    }
    parts
}

/// `name="value"` in a header line.
fn parameter(line: &str, name: &str) -> Option<String> {
    line.split(';').find_map(|p| {
        let (n, v) = p.trim().split_once('=')?;
        (n == name).then(|| v.trim_matches('"').to_owned())
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A body written as it is made, on the connection itself (then closed):
/// a long operation's progress.
pub type Stream = Box<dyn FnOnce(&mut dyn Write)>;

/// An answer: status, content type, body and any other header.
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub headers: Vec<(&'static str, String)>,
    /// A body written as it is made, in place of `body`.
    pub stream: Option<Stream>,
}

impl Reply {
    /// An HTML page.
    pub fn html(status: u16, body: String) -> Reply {
        Reply {
            status,
            content_type: "text/html; charset=utf-8",
            body: body.into_bytes(),
            headers: Vec::new(),
            stream: None,
        }
    }

    /// A short plain-text answer (refusals).
    pub fn text(status: u16, body: &str) -> Reply {
        Reply {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.as_bytes().to_vec(),
            headers: Vec::new(),
            stream: None,
        }
    }

    /// "See other": after a form, the browser asks for `location`.
    pub fn redirect(location: &str) -> Reply {
        let mut reply = Reply::text(303, "");
        reply.headers.push(("Location", location.to_owned()));
        reply
    }

    /// The same answer with one more header.
    pub fn with(mut self, name: &'static str, value: String) -> Reply {
        self.headers.push((name, value));
        self
    }

    /// An HTML page written by `stream` as it is made.
    pub fn html_stream(stream: Stream) -> Reply {
        Reply {
            stream: Some(stream),
            ..Reply::html(200, String::new())
        }
    }

    /// Sends it, with the headers every answer carries.
    pub fn send(mut self, raw: tiny_http::Request) {
        if let Some(stream) = self.stream.take() {
            return self.send_stream(raw, stream);
        }
        let mut response = tiny_http::Response::from_data(self.body)
            .with_status_code(self.status)
            .with_chunked_threshold(usize::MAX);
        let headers = [("Content-Type", self.content_type)]
            .into_iter()
            .chain(SECURITY_HEADERS.iter().copied())
            .chain(self.headers.iter().map(|(n, v)| (*n, v.as_str())));
        for (name, value) in headers {
            // Values are made by this program; one with a line break is
            // not sent rather than sent cut.
            if let Ok(h) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
                response.add_header(h);
            }
        }
        // The browser may have gone; nothing to do then.
        let _ = raw.respond(response);
    }

    /// Writes the head, then lets `stream` write the body, each piece
    /// sent as it comes (chunked: the browser knows where it ends, and the
    /// connection stays usable).
    fn send_stream(self, raw: tiny_http::Request, stream: Stream) {
        let reason = tiny_http::StatusCode(self.status).default_reason_phrase();
        let mut head = format!("HTTP/1.1 {} {reason}\r\n", self.status);
        let headers = [
            ("Content-Type", self.content_type),
            ("Transfer-Encoding", "chunked"),
        ]
        .into_iter()
        .chain(SECURITY_HEADERS.iter().copied())
        .chain(self.headers.iter().map(|(n, v)| (*n, v.as_str())));
        for (name, value) in headers.filter(|(_, v)| !v.contains(['\r', '\n'])) {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        let mut writer = raw.into_writer();
        // The browser may have gone: the stream still runs to its end.
        let _ = writer
            .write_all(head.as_bytes())
            .and_then(|()| writer.flush());
        stream(&mut Chunked(&mut writer));
        let _ = writer.write_all(b"0\r\n\r\n").and_then(|()| writer.flush());
    }
}

/// Each write sent as one chunk of a chunked body.
struct Chunked<'a>(&'a mut dyn Write);

impl Write for Chunked<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if !bytes.is_empty() {
            write!(self.0, "{:x}\r\n", bytes.len())?;
            self.0.write_all(bytes)?;
            self.0.write_all(b"\r\n")?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_decoded() {
        let pairs = url_decoded(b"nom=Centre+C%C3%B4te&x=%2e%2e%2F");
        assert_eq!(first(&pairs, "nom"), Some("Centre Côte"));
        assert_eq!(first(&pairs, "x"), Some("../"));
    }

    #[test]
    fn multipart_parts_are_read() {
        let body = b"--XX\r\nContent-Disposition: form-data; name=\"liste\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\nNom;Pr\xc3\xa9nom\r\nA;B\r\n--XX\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n--XX--\r\n";
        let parts = multipart(body, "XX");
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].file_name.as_deref(), Some("a.csv"));
        assert_eq!(parts[0].bytes, "Nom;Prénom\r\nA;B".as_bytes());
        assert_eq!(parts[1].bytes, b"v");
    }
}
