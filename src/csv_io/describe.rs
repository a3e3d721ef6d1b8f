//! What an import changes in a row, field by field, as people read it.

use super::iso;
use crate::model::Action;
use chrono::NaiveDate;

/// Texts longer than this are cut in a description.
const SHOWN_CHARS: usize = 40;

/// What an import changes in a row, field by field, as people read it:
/// `RAG: Green → Amber`, `Due: 2025-03-31 → 2025-06-30`, `Progress: 1 note → 2 notes`.
pub fn describe_change(old: &Action, new: &Action) -> Vec<String> {
    fn date(d: Option<NaiveDate>) -> String {
        d.map(iso).unwrap_or_else(|| "—".into())
    }
    let mut out = Vec::new();
    let mut text = |name: &str, a: &str, b: &str| {
        if a != b {
            let (a, b) = shown_pair(a, b);
            out.push(format!("{name}: {a} → {b}"));
        }
    };
    text("Theme", &old.theme, &new.theme);
    text("Title", &old.title, &new.title);
    text("Owner", &old.owner, &new.owner);
    text(
        "Outcomes",
        &old.outcomes.join(", "),
        &new.outcomes.join(", "),
    );
    if old.key_actions != new.key_actions {
        out.push(format!(
            "Key actions: {} → {}",
            crate::edit::count(old.key_actions.len(), "line"),
            crate::edit::count(new.key_actions.len(), "line")
        ));
    }
    if old.due != new.due {
        out.push(format!("Due: {} → {}", date(old.due), date(new.due)));
    }
    if old.rag != new.rag {
        out.push(format!("RAG: {} → {}", old.rag.label(), new.rag.label()));
    }
    if old.progress != new.progress {
        out.push(format!(
            "Progress: {} → {}",
            crate::edit::count(old.progress.len(), "note"),
            crate::edit::count(new.progress.len(), "note")
        ));
    }
    if old.last_updated != new.last_updated {
        out.push(format!(
            "Last updated: {} → {}",
            date(old.last_updated),
            date(new.last_updated)
        ));
    }
    out
}

/// Two different texts in quotes, on one line each, cut to about [`SHOWN_CHARS`]: from
/// the start if the cut versions still differ, else around where they first differ, so
/// that they never read the same.
fn shown_pair(a: &str, b: &str) -> (String, String) {
    let (mut a2, mut b2) = (a.replace('\n', " / "), b.replace('\n', " / "));
    if a2 == b2 {
        // Different only in where lines break ("x / y" and "x", new line, "y"): shown
        // with the breaks written out.
        (a2, b2) = (a.escape_debug().to_string(), b.escape_debug().to_string());
    }
    let a: Vec<char> = a2.chars().collect();
    let b: Vec<char> = b2.chars().collect();
    let head = |s: &[char]| cut(s, 0);
    if head(&a) != head(&b) || (a.len() <= SHOWN_CHARS && b.len() <= SHOWN_CHARS) {
        return (head(&a), head(&b));
    }
    let same = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    // Some words of context before the first difference.
    let from = same.saturating_sub(SHOWN_CHARS / 3);
    (cut(&a, from), cut(&b, from))
}

/// `s` from character `from`, in quotes, cut to [`SHOWN_CHARS`] with "…" where cut.
fn cut(s: &[char], from: usize) -> String {
    if s.is_empty() {
        return "—".into();
    }
    let from = from.min(s.len());
    let lead = if from > 0 { "…" } else { "" };
    let rest = &s[from..];
    let body: String = if rest.len() > SHOWN_CHARS {
        rest[..SHOWN_CHARS - 1].iter().collect::<String>() + "…"
    } else {
        rest.iter().collect()
    };
    format!("“{lead}{body}”")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_long_titles_never_read_the_same() {
        let old = "Deliver a single performance report for the Executive and CLT each quarter";
        let new = "Deliver a single performance report for the Executive and Scrutiny each month";
        let (a, b) = shown_pair(old, new);
        assert_ne!(a, b);
        assert!(a.contains("CLT"), "{a}");
        assert!(b.contains("Scrutiny"), "{b}");
        assert!(
            a.starts_with("“…") && a.chars().count() <= SHOWN_CHARS + 3,
            "{a}"
        );

        // Short or different from the start: shown from the start.
        assert_eq!(shown_pair("Red", "Blue"), ("“Red”".into(), "“Blue”".into()));
        let (a, _) = shown_pair(&"x".repeat(60), "y");
        assert_eq!(a.chars().count(), SHOWN_CHARS + 2);
        assert_eq!(shown_pair("", "New"), ("—".into(), "“New”".into()));
        // A difference only at the very end of long texts.
        let long = "word ".repeat(30);
        let (a, b) = shown_pair(&long, &format!("{long}!"));
        assert_ne!(a, b);
        // Texts in any script are cut on characters, not bytes.
        let urdu = "لوٹن ".repeat(20);
        let (a, b) = shown_pair(&format!("{urdu}ا"), &format!("{urdu}ب"));
        assert_ne!(a, b);
        // Texts that differ only in a line break against the " / " it is shown as.
        let (a, b) = shown_pair("Plan / review", "Plan\nreview");
        assert_ne!(a, b);
        let long = "Deliver a single performance report for the Executive";
        let (a, b) = shown_pair(&format!("{long} / CLT"), &format!("{long}\nCLT"));
        assert_ne!(a, b);
    }
}
