//! Markup that escapes by type, written once into one buffer in document order.
//!
//! [`Html`] is the buffer a screen is written into. Every component is a function that takes it
//! (`fn card(o: &mut Html, ...)`) and appends its part where it belongs, so no component returns
//! a string its parent copies again. The [`html!`](crate::html) macro writes a template: its
//! string literals are markup written by us and go in as they are; every value in parentheses
//! goes through [`Render`], which escapes text (`&str`, `String`), writes whole numbers and
//! inserts an [`Html`] fragment as it is; a block in braces runs as statements (a loop, a call to
//! another component). An attribute URL is written `(url = value)` and must be a [`SafeUrl`],
//! which only accepts addresses that cannot run script.
//!
//! `Render` is sealed and its primitives are not generic (text, trusted markup, numbers, a URL),
//! so adding a template adds a few calls, not a copy of the formatting machinery: the templates
//! never touch `core::fmt`. The only way to write markup unescaped is a string literal of this
//! crate's source (the crate-private `raw`, which takes `&'static str`; the templates, the chart
//! backend and the QR writer use it for their tags and write every text through `text`), or an
//! `Html` built the same way. Nothing configured or entered is ever interpreted as HTML.

/// Markup under construction, or built.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Html(String);

impl Html {
    pub fn new() -> Html {
        Html(String::new())
    }

    pub fn with_capacity(bytes: usize) -> Html {
        Html(String::with_capacity(bytes))
    }

    /// Markup from a template literal: only the `html!` macro calls this, with literals from this
    /// crate's source.
    #[inline]
    pub(crate) fn raw(&mut self, markup: &'static str) {
        self.0.push_str(markup);
    }

    /// Markup this crate made earlier as a string (a screen drawn by another function of the
    /// crate), written as it is.
    #[cfg(feature = "setup")]
    pub(crate) fn trusted(&mut self, markup: &str) {
        self.0.push_str(markup);
    }

    /// Text, escaped.
    pub fn text(&mut self, s: &str) {
        escape_into(&mut self.0, s);
    }

    /// A whole number.
    pub fn uint(&mut self, n: u64) {
        push_uint(&mut self.0, n);
    }

    /// A whole number that may be negative.
    pub fn int(&mut self, n: i64) {
        if n < 0 {
            self.0.push('-');
        }
        push_uint(&mut self.0, n.unsigned_abs());
    }

    /// A template of the locale (`{name}` placeholders) with each placeholder's value rendered in
    /// its place, escaped like any other value; the template's own text is escaped too.
    pub fn fill(&mut self, template: &str, args: &[(&str, &dyn Render)]) {
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
            let name = &rest[open + 1..close];
            match args.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => {
                    self.text(&rest[..open]);
                    value.render(self);
                }
                None => self.text(&rest[..close + 1]),
            }
            rest = &rest[close + 1..];
        }
        self.text(rest);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }

    /// A fragment written by `write` into a new buffer (tests, and the roots of a document).
    #[cfg(test)]
    pub fn build(write: impl FnOnce(&mut Html)) -> Html {
        let mut o = Html::new();
        write(&mut o);
        o
    }
}

/// Writes the decimal digits of `n` (no `core::fmt`: every number the markup shows is whole).
pub fn push_uint(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for d in &digits[i..] {
        out.push(*d as char);
    }
}

/// A whole number as text.
pub fn uint_string(n: u64) -> String {
    let mut s = String::new();
    push_uint(&mut s, n);
    s
}

mod sealed {
    pub trait Sealed {}
}

/// How a value is written into markup. Sealed: the kinds of value are fixed here.
pub trait Render: sealed::Sealed {
    fn render(&self, o: &mut Html);
}

impl sealed::Sealed for str {}
impl Render for str {
    fn render(&self, o: &mut Html) {
        o.text(self);
    }
}

impl sealed::Sealed for String {}
impl Render for String {
    fn render(&self, o: &mut Html) {
        o.text(self);
    }
}

impl sealed::Sealed for Html {}
impl Render for Html {
    fn render(&self, o: &mut Html) {
        o.0.push_str(&self.0);
    }
}

impl sealed::Sealed for crate::ui::Action {}
impl Render for crate::ui::Action {
    fn render(&self, o: &mut Html) {
        // Action names are ASCII words from `ui.rs`.
        o.0.push_str(self.as_str());
    }
}

impl<T: Render + ?Sized> sealed::Sealed for &T {}
impl<T: Render + ?Sized> Render for &T {
    fn render(&self, o: &mut Html) {
        (**self).render(o);
    }
}

impl<T: Render> sealed::Sealed for Option<T> {}
impl<T: Render> Render for Option<T> {
    fn render(&self, o: &mut Html) {
        if let Some(v) = self {
            v.render(o);
        }
    }
}

macro_rules! render_uint {
    ($($t:ty),*) => {$(
        impl sealed::Sealed for $t {}
        impl Render for $t {
            fn render(&self, o: &mut Html) {
                o.uint(*self as u64);
            }
        }
    )*};
}
render_uint!(u8, u16, u32, u64, usize);

impl sealed::Sealed for i64 {}
impl Render for i64 {
    fn render(&self, o: &mut Html) {
        o.int(*self);
    }
}

/// An address that is safe in an `href` or `src` attribute: `https:` or `http:`, `mailto:`, a
/// `data:image/` URL (a configured logo), or a path on this site that does not start a scheme.
/// Anything else (`javascript:`, `data:text/html`, ...) cannot be made into one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SafeUrl(String);

impl SafeUrl {
    /// The address, if it is one of the safe kinds.
    pub fn new(url: &str) -> Option<SafeUrl> {
        let t = url.trim();
        let lower = t.to_ascii_lowercase();
        let scheme_end = t.find(':');
        let before_path = t.find(['/', '?', '#']).unwrap_or(t.len());
        let relative = scheme_end.is_none_or(|c| c > before_path);
        let safe = lower.starts_with("https://")
            || lower.starts_with("http://")
            || lower.starts_with("mailto:")
            || lower.starts_with("data:image/")
            || (relative && !t.starts_with("//") && !t.contains(['<', '>', '"', '\'', '\\']));
        (safe && !t.chars().any(char::is_control)).then(|| SafeUrl(t.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Writes the address into an attribute value, escaped.
    pub fn render_attr(&self, o: &mut Html) {
        o.text(&self.0);
    }
}

/// Escapes text for HTML content and double- or single-quoted attribute values.
pub fn escape_into(out: &mut String, s: &str) {
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&s[start..]);
}

/// Writes a template into `o`: string literals as markup, `(value)` through [`Render`],
/// `(url = value)` as a [`SafeUrl`], and `{ statements }` run in place (loops, other
/// components). See the module docs.
///
/// `html!(o; r#"<p class="x">"# (text) r#"</p>"#)` escapes `text` if it is a `&str` or `String`
/// and inserts it as it is if it is an [`Html`].
macro_rules! html {
    ($o:ident; $($piece:tt)*) => {{
        $( $crate::markup::html::piece!($o; $piece); )*
    }};
}
pub(crate) use html;

/// One piece of an [`html!`] template.
macro_rules! piece {
    ($o:ident; $lit:literal) => {
        $o.raw($lit)
    };
    ($o:ident; (url = $e:expr)) => {
        $crate::markup::html::SafeUrl::render_attr(&$e, $o)
    };
    ($o:ident; ($e:expr)) => {
        $crate::markup::html::Render::render(&$e, $o)
    };
    ($o:ident; { $($s:tt)* }) => {
        $($s)*
    };
}
pub(crate) use piece;

/// The markup as it is (for messages and tests).
impl std::fmt::Display for Html {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Read access as text (tests look for patterns; hosts set it as inner HTML).
impl std::ops::Deref for Html {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}
