//! Checks of meaning that the file's syntax cannot express: unique ids, references
//! that resolve, values that fit their unit, targets that make sense.

use crate::model::Project;

/// One problem of meaning, with the path of the item it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// e.g. `measures "ta-households" observation 3`
    pub path: String,
    pub message: String,
}

/// Every problem in the project (empty when it is valid).
pub fn validate(project: &Project) -> Vec<Issue> {
    let _ = project;
    Vec::new()
}
