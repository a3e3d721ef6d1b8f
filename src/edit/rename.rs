//! Giving an item a new id, with every reference to it following.

use super::refs::{Fate, Index, rewrite};
use crate::history::{Edit, List};
use crate::model::Project;

/// The edits that make every reference to the item `old` of `list` name `new` instead
/// (the item itself is changed by the caller, with the rest of its fields).
pub fn follow(project: &Project, index: &Index, list: List, old: &str, new: &str) -> Vec<Edit> {
    index
        .referrers(project, list, old)
        .iter()
        .filter_map(|r| {
            let mut item = r.place.get(project)?;
            rewrite(&mut item, &mut |l, id| {
                if l == list && id == old {
                    Fate::Replace(new.to_string())
                } else {
                    Fate::Keep
                }
            });
            Some(Edit::Set {
                list: r.place.list,
                index: r.place.index,
                item: Box::new(item),
            })
        })
        .collect()
}
