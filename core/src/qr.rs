//! QR codes as accessible SVG, drawn from the `qrcode` crate's module grid.
//!
//! Both on-demand modules build this (feature `results`): the team view's invitation panel and
//! its printed handout show the assessment's address as a code a phone camera opens, and a
//! kiosk's finished report shows the person's sealed result link, to take away. The SVG is
//! one path of dark squares on a light square with a four-module quiet zone, titled for screen
//! readers; every number in it is ours, and the title goes through the markup's escaping.

use crate::markup::html::{html, Html};
use qrcode::{Color, EcLevel, QrCode};

/// The quiet zone around the code, in modules (the standard's minimum).
const QUIET: usize = 4;

/// The modules of the code for `text`, row by row (`true` = dark), and its width; `None` when the
/// text is too long for a QR code.
pub fn modules(text: &str) -> Option<(usize, Vec<bool>)> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    Some((width, code.to_colors().into_iter().map(|c| c == Color::Dark).collect()))
}

/// The code as inline SVG with `title` as its accessible name, written into `o`; `id` makes the
/// title's id unique. Nothing is written when the text is too long for a QR code.
pub fn svg(o: &mut Html, text: &str, id: &'static str, title: &str) {
    let Some((width, dark)) = modules(text) else { return };
    let size = width + 2 * QUIET;
    html!(o;
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="ov-qr" viewBox="0 0 "# (size) " " (size)
        r#"" role="img" aria-labelledby=""# (id) r#"-t" focusable="false" shape-rendering="crispEdges"><title id=""#
        (id) r#"-t">"# (title) r#"</title><rect width=""# (size) r#"" height=""# (size)
        r##"" fill="#FFFFFF"/><path d=""##
    );
    // One subpath per run of dark modules in a row keeps the path short.
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if dark[y * width + x] {
                let start = x;
                while x < width && dark[y * width + x] {
                    x += 1;
                }
                html!(o; "M" (start + QUIET) " " (y + QUIET) "h" (x - start) "v1h-" (x - start) "z");
            } else {
                x += 1;
            }
        }
    }
    o.raw(r##"" fill="#000000"/></svg>"##);
}

#[cfg(test)]
mod tests;
