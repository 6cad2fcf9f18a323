//! QR tests: the SVG is a titled image whose dark squares are exactly the code's dark modules.

use crate::markup::Html;
use crate::qr::{modules, svg};

#[test]
fn the_svg_draws_every_dark_module_once_and_is_titled() {
    let text = "https://consultancy.example/assessment/";
    let (width, dark) = modules(text).unwrap();
    assert!(width >= 21 && dark.len() == width * width);
    let html = Html::build(|o| svg(o, text, "ov-qr", "Scan <to> open"));
    assert!(html.contains(r#"role="img""#) && html.contains("Scan &lt;to&gt; open"));
    // Sum the run lengths in the path: they cover the dark modules exactly.
    let path = html.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
    let covered: usize = path
        .split('M')
        .skip(1)
        .map(|p| p.split('h').nth(1).unwrap().split('v').next().unwrap().parse::<usize>().unwrap())
        .sum();
    assert_eq!(covered, dark.iter().filter(|d| **d).count());
}

#[test]
fn an_address_too_long_for_a_code_draws_nothing() {
    assert!(Html::build(|o| svg(o, &"x".repeat(5000), "q", "t")).is_empty());
}
