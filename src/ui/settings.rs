//! What the app remembers between runs: recent files, the theme and the action table's
//! hidden columns.

use std::path::{Path, PathBuf};

pub const STORAGE_KEY: &str = "outcome-explorer-settings";
const RECENT_LIMIT: usize = 10;

#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    pub recent: Vec<PathBuf>,
    pub dark: bool,
    /// Columns of the action tables the user has hidden.
    pub hidden_columns: Vec<crate::plan_table::Column>,
}

impl Settings {
    /// Put `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_from_an_older_version_still_load() {
        // Stored before hidden columns were remembered: the rest is kept.
        let old = r#"(recent: ["/nowhere/a.ron"], dark: true)"#;
        let s: Settings = ron::from_str(old).unwrap();
        assert!(s.dark);
        assert!(s.hidden_columns.is_empty());
        let mut s = s;
        s.hidden_columns = vec![crate::plan_table::Column::Theme];
        let back: Settings = ron::from_str(&ron::to_string(&s).unwrap()).unwrap();
        assert_eq!(back.hidden_columns, s.hidden_columns);
    }

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut s = Settings::default();
        for i in 0..15 {
            s.remember(Path::new(&format!("/nowhere/{i}.ron")));
        }
        s.remember(Path::new("/nowhere/3.ron"));
        assert_eq!(s.recent.len(), RECENT_LIMIT);
        assert_eq!(s.recent[0], PathBuf::from("/nowhere/3.ron"));
        assert_eq!(s.recent.iter().filter(|p| p.ends_with("3.ron")).count(), 1);
    }
}
