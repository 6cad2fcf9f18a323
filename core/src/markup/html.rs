//! Markup that escapes by type: [`Html`] is a built fragment, and everything else is text.
//!
//! The only way to write markup is the [`html!`](crate::html) macro: its format string is the
//! markup, written by us, and every argument goes through [`Render`], which escapes text (`&str`,
//! `String`), writes numbers, and inserts an [`Html`] fragment as it is. There is no constructor
//! from an arbitrary `String` except [`Html::text`], which escapes it, and the crate-private
//! [`Html::from_svg`] for charts (whose texts `chart::to_svg` and plotters escape). So whether a
//! value is escaped depends on its type, not on remembering to call a helper. The template cannot
//! capture variables by name (`{id}`), which would bypass `Render`: the macro passes it through
//! `concat!`, and the compiler refuses implicit captures in a format string made by a macro.

use std::fmt::{self, Write as _};

/// A fragment of HTML built from templates and escaped values.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Html(String);

impl Html {
    pub fn new() -> Html {
        Html(String::new())
    }

    /// Text as markup: escaped.
    pub fn text(s: &str) -> Html {
        let mut h = Html::new();
        escape_into(&mut h.0, s);
        h
    }

    /// An SVG chart from `chart::to_svg`, which escapes every text it writes.
    pub(crate) fn from_svg(svg: String) -> Html {
        Html(svg)
    }

    /// Builds from a template's arguments; only the `html!` macro calls this.
    pub(crate) fn from_template(args: fmt::Arguments<'_>) -> Html {
        let mut s = String::new();
        let _ = s.write_fmt(args);
        Html(s)
    }

    /// Appends another fragment (or escaped text, or a number).
    pub fn push(&mut self, part: impl Render) {
        part.render(&mut self.0);
    }

    /// Appends every fragment of an iterator.
    pub fn extend<R: Render>(&mut self, parts: impl IntoIterator<Item = R>) {
        for p in parts {
            p.render(&mut self.0);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// Fragments joined by a separator (itself markup).
pub fn join(parts: impl IntoIterator<Item = Html>, separator: Html) -> Html {
    let mut out = Html::new();
    for (i, p) in parts.into_iter().enumerate() {
        if i > 0 {
            out.push(&separator);
        }
        out.push(p);
    }
    out
}

/// How a value is written into markup.
pub trait Render {
    fn render(&self, out: &mut String);
}

impl Render for str {
    fn render(&self, out: &mut String) {
        escape_into(out, self);
    }
}

impl Render for String {
    fn render(&self, out: &mut String) {
        escape_into(out, self);
    }
}

impl Render for Html {
    fn render(&self, out: &mut String) {
        out.push_str(&self.0);
    }
}

impl Render for crate::ui::Action {
    fn render(&self, out: &mut String) {
        out.push_str(self.as_str());
    }
}

impl<T: Render + ?Sized> Render for &T {
    fn render(&self, out: &mut String) {
        (**self).render(out);
    }
}

impl<T: Render> Render for Option<T> {
    fn render(&self, out: &mut String) {
        if let Some(v) = self {
            v.render(out);
        }
    }
}

macro_rules! render_number {
    ($($t:ty),*) => {$(
        impl Render for $t {
            fn render(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
render_number!(u8, u16, u32, u64, usize, i8, i16, i32, i64);

/// A value seen through [`Render`] as `Display`, so `format_args!` can write it.
pub(crate) struct Escaped<'a, T: Render + ?Sized>(pub &'a T);

impl<T: Render + ?Sized> fmt::Display for Escaped<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        self.0.render(&mut s);
        f.write_str(&s)
    }
}

/// Escapes text for HTML content and double- or single-quoted attribute values.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Markup from a template whose arguments are escaped by type (see the module docs).
///
/// `html!(r#"<p class="x">{}</p>"#, text)` escapes `text` if it is a `&str` or `String` and
/// inserts it as it is if it is an [`Html`].
macro_rules! html {
    ($template:literal $(, $arg:expr)* $(,)?) => {
        // `concat!` makes the compiler refuse `{name}` captures (see the module docs).
        $crate::markup::html::Html::from_template(format_args!(
            concat!($template) $(, $crate::markup::html::Escaped(&$arg))*
        ))
    };
}
pub(crate) use html;

/// Read access as text (tests look for patterns; hosts set it as inner HTML).
impl std::ops::Deref for Html {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

/// The markup as it is (for messages and tests; building markup goes through `html!`).
impl fmt::Display for Html {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
