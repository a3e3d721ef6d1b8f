//! Observation lists read before ron parses the rest of a file. The fast loader
//! (`file::fast_parse`) reads every `observations:` list it can, hands ron the text with each
//! of those lists emptied (`[]`), and lays the lists ready here in document order. When ron
//! then meets an `observations` field, [`observations`] takes the next one. A list the fast
//! reader left alone is parsed by ron as usual, and keeps its place in the order.

use super::Observation;
use serde::{Deserialize, Deserializer};
use std::cell::RefCell;

/// What ron meets next: `Some` for a list read ahead, `None` for one ron reads itself.
type Lists = std::vec::IntoIter<Option<Vec<Observation>>>;

thread_local! {
    static LISTS: RefCell<Option<Lists>> = const { RefCell::new(None) };
}

/// Runs `parse` (a ron parse on this thread) with `lists` laid ready, and says whether each
/// of them was taken, one per `observations` field ron met: when `false`, the text and the
/// lists did not match and the result must not be used.
pub fn with_lists<T>(lists: Vec<Option<Vec<Observation>>>, parse: impl FnOnce() -> T) -> (T, bool) {
    struct Clear;
    impl Drop for Clear {
        fn drop(&mut self) {
            LISTS.with_borrow_mut(|l| *l = None);
        }
    }
    LISTS.with_borrow_mut(|l| *l = Some(lists.into_iter()));
    let _clear = Clear;
    let out = parse();
    let all_taken = LISTS.with_borrow_mut(|l| l.as_mut().is_some_and(|l| l.next().is_none()));
    (out, all_taken)
}

/// `deserialize_with` for an `observations` field: the list read ahead in its place, if any.
pub fn observations<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Observation>, D::Error> {
    let parsed = Vec::<Observation>::deserialize(d)?;
    let next = LISTS.with_borrow_mut(|l| l.as_mut().map(|l| l.next()));
    match next {
        // No lists laid ready on this thread: an ordinary parse.
        None => Ok(parsed),
        Some(Some(Some(list))) if parsed.is_empty() => Ok(list),
        Some(Some(None)) => Ok(parsed),
        Some(_) => Err(serde::de::Error::custom(
            "the observation lists read ahead do not match the file",
        )),
    }
}
