//! The results page.
