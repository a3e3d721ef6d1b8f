//! What the app remembers between runs: recent files and the theme.

use std::path::{Path, PathBuf};

pub const STORAGE_KEY: &str = "outcome-explorer-settings";
const RECENT_LIMIT: usize = 10;

#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    pub recent: Vec<PathBuf>,
    pub dark: bool,
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
