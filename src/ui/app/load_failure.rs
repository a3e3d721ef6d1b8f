//! A file that fails to load: the project that was open stays open (or the welcome screen
//! stays), and each problem is shown with its line quoted and its column marked, with
//! buttons to open the file in the system's text editor and to try again.

use super::OutcomeApp;
use super::state::Pending;
use crate::file::{LoadError, Location};
use crate::ui::theme;
use egui::RichText;
use std::path::{Path, PathBuf};

/// At most this many characters of a line are quoted, around the column.
const QUOTE_CHARS: usize = 90;

/// One problem as shown: what is wrong, and the line it is on with a mark under the column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// "Line 12, column 5: expected `,`" (or the item's path, or the file).
    pub heading: String,
    /// "  12 │ (id: \"ta\" value: 3)" and "     │       ^", when the line is known.
    pub quote: Option<(String, String)>,
    /// The line before, quoted the same way (a missing comma is usually at its end).
    pub before: Option<String>,
}

/// The problems of a file that did not load, and what stays open meanwhile.
pub(super) struct FailedOpen {
    pub path: PathBuf,
    pub lines: Vec<String>,
    pub excerpts: Vec<Excerpt>,
    pub intro: String,
    /// Why the text editor could not be started, if it could not.
    pub editor_error: Option<String>,
}

/// Each problem of `error` with its line of `text` quoted (tabs shown as spaces, a long line
/// cut around the column) and a caret under the column.
pub fn excerpts(text: &str, error: &LoadError) -> Vec<Excerpt> {
    let lines: Vec<&str> = text.lines().collect();
    error
        .problems
        .iter()
        .map(|p| match &p.location {
            Location::Text { line, col, path } => {
                let quoted = lines
                    .get(line.wrapping_sub(1))
                    .map(|l| quote(*line, l, *col));
                let before = line
                    .checked_sub(2)
                    .and_then(|i| lines.get(i))
                    .filter(|l| quoted.is_some() && !l.trim().is_empty())
                    .map(|l| quote(line - 1, l, 1).0);
                let item = if path.is_empty() {
                    String::new()
                } else {
                    format!("{path}: ")
                };
                Excerpt {
                    heading: format!("Line {line}, column {col}: {item}{}", p.message),
                    quote: quoted,
                    before,
                }
            }
            Location::Item(path) => Excerpt {
                heading: format!("{path}: {}", p.message),
                quote: None,
                before: None,
            },
            Location::File => Excerpt {
                heading: p.message.clone(),
                quote: None,
                before: None,
            },
        })
        .collect()
}

/// `text` (line `number`) as quoted, and the line under it with `^` at column `col`
/// (1-based, in characters).
fn quote(number: usize, text: &str, col: usize) -> (String, String) {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let col = col.max(1) - 1;
    let start = col
        .saturating_sub(QUOTE_CHARS / 2)
        .min(chars.len().saturating_sub(QUOTE_CHARS));
    let end = (start + QUOTE_CHARS).min(chars.len());
    let mut shown: String = chars[start.min(end)..end].iter().collect();
    let mut at = col - start;
    if start > 0 {
        shown.insert(0, '…');
        at += 1;
    }
    if end < chars.len() {
        shown.push('…');
    }
    let gutter = format!("{number:>5} │ ");
    let blank = format!("{:>5} │ ", "");
    (
        format!("{gutter}{shown}"),
        format!("{blank}{}^", " ".repeat(at)),
    )
}

/// Open `path` in the system's own program for it (a text editor for a `.ron` file).
fn open_in_text_editor(path: &Path) -> Result<(), String> {
    let mut command = if cfg!(target_os = "macos") {
        let mut c = std::process::Command::new("open");
        c.arg("-t");
        c
    } else if cfg!(windows) {
        std::process::Command::new("notepad")
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(path)
        .spawn()
        .map(|_| ())
        .map_err(|e| format!("the text editor could not be started ({e})"))
}

impl OutcomeApp {
    /// Show why `path` did not open; the document open now stays open.
    pub(super) fn show_failed_open(&mut self, path: &Path, error: &LoadError) {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let kept = if self.welcome {
            String::new()
        } else {
            format!(" {} is still open.", self.doc.display_name())
        };
        let n = error.problems.len();
        let problems = if n == 1 {
            "a problem".to_string()
        } else {
            format!("{n} problems")
        };
        self.failed = Some(FailedOpen {
            path: path.to_path_buf(),
            lines: error.problems.iter().map(|p| p.to_string()).collect(),
            excerpts: excerpts(&text, error),
            intro: format!("The file has {problems}; nothing was changed.{kept}"),
            editor_error: None,
        });
    }

    /// The modal listing the problems. Returns nothing: its buttons act on the app.
    pub(super) fn failed_open_ui(&mut self, ui: &mut egui::Ui) {
        let Some(f) = &mut self.failed else { return };
        let name = f.path.file_name().unwrap_or_default().to_string_lossy();
        let mut retry = false;
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("failed-open")).show(ui.ctx(), |ui| {
            ui.set_max_width(760.0);
            ui.heading(format!("Could not open {name}"));
            ui.label(&f.intro);
            ui.add_space(4.0);
            egui::ScrollArea::vertical()
                .max_height(380.0)
                .show(ui, |ui| problem_list(ui, &f.excerpts));
            if let Some(e) = &f.editor_error {
                ui.label(RichText::new(format!("⚠ {e}")).color(ui.visuals().error_fg_color));
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui
                    .button("Open in text editor")
                    .on_hover_text("Put it right there, save, then Try again")
                    .clicked()
                {
                    f.editor_error = open_in_text_editor(&f.path).err();
                }
                retry = ui.button("Try again").clicked();
                if ui.button("Copy all").clicked() {
                    ui.ctx().copy_text(f.lines.join("\n"));
                }
                close = ui.button("Close").clicked();
            });
        });
        if retry {
            let path = f.path.clone();
            self.failed = None;
            self.request(Pending::Open(path));
        } else if close || modal.should_close() {
            self.failed = None;
        }
    }
}

fn problem_list(ui: &mut egui::Ui, excerpts: &[Excerpt]) {
    for e in excerpts {
        ui.label(RichText::new(&e.heading).strong());
        if let Some((line, mark)) = &e.quote {
            let mark_colour = ui.visuals().error_fg_color;
            if let Some(before) = &e.before {
                ui.label(RichText::new(before).monospace().color(theme::muted(ui)));
            }
            ui.label(RichText::new(line).monospace());
            ui.label(RichText::new(mark).monospace().color(mark_colour).strong());
        }
        ui.add_space(6.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::Problem;

    fn error(location: Location, message: &str) -> LoadError {
        LoadError {
            problems: vec![Problem {
                file: "p.ron".into(),
                location,
                message: message.into(),
            }],
        }
    }

    #[test]
    fn the_line_is_quoted_and_the_column_marked() {
        let text = "(\n\tid: \"ta\" value: 3,\n)";
        let e = excerpts(
            text,
            &error(
                Location::Text {
                    line: 2,
                    col: 11,
                    path: String::new(),
                },
                "expected `,`",
            ),
        );
        assert_eq!(e[0].heading, "Line 2, column 11: expected `,`");
        let (line, mark) = e[0].quote.clone().unwrap();
        assert_eq!(
            line, "    2 │  id: \"ta\" value: 3,",
            "the tab shown as a space"
        );
        let caret = mark.chars().position(|c| c == '^').unwrap();
        assert_eq!(
            line.chars().nth(caret),
            Some('v'),
            "under column 11: {mark}"
        );
        assert_eq!(mark.trim_end().chars().count(), caret + 1);
        assert_eq!(
            e[0].before.as_deref(),
            Some("    1 │ ("),
            "the line before, for context"
        );
    }

    #[test]
    fn a_long_line_is_cut_around_the_column() {
        let text = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let at = Location::Text {
            line: 1,
            col: 501,
            path: String::new(),
        };
        let e = excerpts(&text, &error(at, "here"));
        let (line, mark) = e[0].quote.clone().unwrap();
        assert!(line.chars().count() < QUOTE_CHARS + 15, "{line}");
        let caret = mark.chars().position(|c| c == '^').unwrap();
        assert_eq!(line.chars().nth(caret), Some('X'));
        assert!(line.contains('…'));
    }

    #[test]
    fn the_item_of_a_line_is_named() {
        let at = Location::Text {
            line: 1,
            col: 2,
            path: "measures \"ta\" observation 3".into(),
        };
        let e = excerpts("(x)", &error(at, "expected `,`"));
        assert_eq!(
            e[0].heading,
            "Line 1, column 2: measures \"ta\" observation 3: expected `,`"
        );
    }

    #[test]
    fn problems_without_a_line_are_shown_by_item_or_file() {
        let e = excerpts(
            "",
            &error(Location::Item("measures \"ta\"".into()), "no unit"),
        );
        assert_eq!(e[0].heading, "measures \"ta\": no unit");
        assert!(e[0].quote.is_none());
        let e = excerpts(
            "",
            &error(
                Location::Text {
                    line: 9,
                    col: 1,
                    path: String::new(),
                },
                "past the end",
            ),
        );
        assert!(
            e[0].quote.is_none(),
            "a line the text does not have is not quoted"
        );
    }
}
