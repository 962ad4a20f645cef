//! The one shape every figure on the page takes: a table with a caption, column headings, and
//! rows headed by their first cell.

use crate::content::LANGUAGE;
use crate::locale;
use yew::prelude::*;

/// A count in a cell, written as the page's language writes numbers.
pub fn count(value: usize) -> Html {
    html! { locale::number(value, LANGUAGE) }
}

/// A share out of 100 in a cell ("40%", "40 %").
pub fn share(value: usize) -> Html {
    html! { locale::percent(value, LANGUAGE) }
}

/// A row: its heading, then its cells.
pub type Row = (String, Vec<Html>);

/// `caption` names the table for screen readers; `shown` also shows it on screen (otherwise a
/// heading just above says the same).
pub fn table(caption: &str, shown: bool, head: &[&str], rows: Vec<Row>) -> Html {
    html! {
        <table class="aw-table">
            <caption class={classes!((!shown).then_some("aw-visually-hidden"))}>{ caption }</caption>
            <thead>
                <tr>{ for head.iter().map(|heading| html! { <th scope="col">{ *heading }</th> }) }</tr>
            </thead>
            <tbody>
                { for rows.into_iter().map(|(heading, cells)| html! {
                    <tr>
                        <th scope="row">{ heading }</th>
                        { for cells.into_iter().map(|cell| html! { <td>{ cell }</td> }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
