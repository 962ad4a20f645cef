//! The author's results page.

fn main() {}
