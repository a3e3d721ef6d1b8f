//! Residents' voices on the wheel: the opening most of them share ("We want"), said once
//! rather than in every segment, so the words that differ get the room.

use crate::model::Project;

/// The longest opening of whole words (at most three) that at least three quarters of the
/// project's voices begin with, and at least two; None when there is none (voices in many
/// languages, or too few). Each voice that has it must say more after it.
pub fn shared_opening(p: &Project) -> Option<String> {
    let texts: Vec<&str> = p.voices.iter().map(|v| v.text.trim()).collect();
    if texts.len() < 2 {
        return None;
    }
    let need = (texts.len() * 3).div_ceil(4).max(2);
    let first: Vec<Vec<&str>> = texts
        .iter()
        .map(|t| t.split_whitespace().take(5).collect())
        .collect();
    let mut best: Option<String> = None;
    for n in 1..=3 {
        // The most common n-word opening among voices longer than n words.
        let mut counts: Vec<(&[&str], usize)> = Vec::new();
        for words in first.iter().filter(|w| w.len() > n) {
            let key = &words[..n];
            match counts.iter_mut().find(|(k, _)| *k == key) {
                Some((_, c)) => *c += 1,
                None => counts.push((key, 1)),
            }
        }
        match counts.into_iter().max_by_key(|(_, c)| *c) {
            Some((key, c)) if c >= need => best = Some(key.join(" ")),
            _ => break,
        }
    }
    best
}

/// `text` without `opening` when it begins with it as whole words ("to breathe clean air"
/// for "We want to breathe clean air"); otherwise the whole text.
pub fn after_opening<'a>(text: &'a str, opening: Option<&str>) -> &'a str {
    let text = text.trim();
    let Some(opening) = opening else {
        return text;
    };
    match text.strip_prefix(opening) {
        Some(rest) if rest.starts_with(char::is_whitespace) && !rest.trim().is_empty() => {
            rest.trim_start()
        }
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Voice;

    fn project(texts: &[&str]) -> Project {
        Project {
            voices: texts
                .iter()
                .enumerate()
                .map(|(i, t)| Voice {
                    id: format!("v{i}"),
                    text: t.to_string(),
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn the_opening_most_voices_share_is_found_and_left_out() {
        let p = project(&[
            "We want to breathe clean air",
            "We want a good education",
            "We want to be listened to",
            "We would like a healthy lifestyle",
        ]);
        // "We want to" is shared by only two of four: the opening is "We want".
        assert_eq!(shared_opening(&p).as_deref(), Some("We want"));
        let o = Some("We want");
        assert_eq!(
            after_opening("We want a good education", o),
            "a good education"
        );
        assert_eq!(
            after_opening("We would like a healthy lifestyle", o),
            "We would like a healthy lifestyle"
        );
        // Whole words only, and never nothing.
        assert_eq!(after_opening("We wanted more", o), "We wanted more");
        assert_eq!(after_opening("We want", o), "We want");
    }

    #[test]
    fn voices_in_many_languages_have_no_shared_opening() {
        let p = project(&[
            "We want safe streets",
            "Rydyn ni eisiau strydoedd diogel",
            "Chcemy czystego powietrza",
            "ہم چاہتے ہیں کہ ہمارے بچے محفوظ رہیں",
        ]);
        assert_eq!(shared_opening(&p), None);
        assert_eq!(shared_opening(&project(&["We want one thing"])), None);
    }
}
