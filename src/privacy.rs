//! What both flows tell the visitor about their stored data, and the control to delete it.

use crate::content::text;
use crate::storage::Notice;
use yew::prelude::*;

/// One sentence about the visitor's stored data, when there is something to say.
pub fn notice_banner(notice: Option<Notice>) -> Html {
    let text = text();
    let Some(notice) = notice else { return html! {} };
    let message = match notice {
        Notice::Unreadable => text.notice_unreadable,
        Notice::Newer => text.notice_newer,
        Notice::Unavailable => text.notice_unavailable,
        Notice::Full => text.notice_full,
        Notice::Deleted => text.deleted_all,
    };
    html! { <p class="aw-notice" role="status">{ message }</p> }
}

/// "Delete my data", with a sentence on what it removes: every key of both flows.
pub fn delete_my_data(on_delete: Callback<MouseEvent>) -> Html {
    html! {
        <div class="aw-data">
            <button type="button" class="aw-secondary" onclick={on_delete}>{ text().delete_all }</button>
            <p class="aw-hint">{ text().delete_all_hint }</p>
        </div>
    }
}
