//! CSV export and import of action plans: round trips, and rows that are refused with a reason.

use chrono::NaiveDate;
use outcome_explorer::csv_io::{self, ImportError};
use outcome_explorer::history::Edit;
use outcome_explorer::model::{Action, ActionPlan, Outcome, ProgressNote, Project, Rag};
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(2025, 6, 1)
}

fn project_with(plan: ActionPlan) -> Project {
    let mut p = Project::default();
    for id in ["o-homes", "o-jobs", "o-health"] {
        p.outcomes.push(Outcome {
            id: id.into(),
            name: format!("Outcome {id}"),
            ..Default::default()
        });
    }
    p.action_plans.push(plan);
    p
}

fn fixture() -> Project {
    project_with(ActionPlan {
        id: "cpc".into(),
        title: "Peer challenge".into(),
        start: Some(d(2024, 3, 1)),
        actions: vec![
            Action {
                reference: "R1".into(),
                theme: "Place".into(),
                title: "Affordable housing, \"fast\"".into(),
                key_actions: vec!["One, with a comma".into(), "Two".into()],
                owner: "Director of Place".into(),
                due: Some(d(2025, 3, 31)),
                rag: Rag::Amber,
                progress: vec![ProgressNote {
                    date: d(2025, 1, 10),
                    text: "Board agreed: go".into(),
                }],
                last_updated: Some(d(2025, 1, 10)),
                outcomes: vec!["o-homes".into(), "o-jobs".into()],
            },
            Action {
                reference: "R2".into(),
                title: "Second".into(),
                ..Default::default()
            },
        ],
        ..Default::default()
    })
}

fn csv_text(rows: &[&str]) -> Vec<u8> {
    let mut s = csv_io::headers().join(",");
    for r in rows {
        s.push_str("\r\n");
        s.push_str(r);
    }
    s.into_bytes()
}

#[test]
fn export_writes_bom_iso_dates_and_joined_cells() {
    let p = fixture();
    let text = String::from_utf8(csv_io::export(&p.action_plans[0])).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert!(text.contains("2025-03-31"));
    assert!(text.contains("\"One, with a comma\nTwo\""));
    assert!(text.contains("2025-01-10: Board agreed: go"));
    assert!(text.contains("\"o-homes, o-jobs\""));
    assert!(text.contains("Amber"));
}

#[test]
fn import_adds_changes_and_leaves_the_rest() {
    let p = fixture();
    let bytes = csv_text(&[
        "R1,Place,\"Affordable housing, \"\"fast\"\"\",\"One, with a comma\nTwo\",Director of Place,2025-03-31,Green,2025-01-10: Board agreed: go,2025-01-10,\"o-homes, o-jobs\"",
        "R2,,Second,,,,Not started,,,",
        "R3,People,A new one,,HR,31 Dec 2025,red,,,o-health",
    ]);
    let pv = csv_io::preview(&p, "cpc", &bytes, today()).unwrap();
    assert_eq!(pv.unchanged, 1, "{pv:?}");
    assert_eq!(pv.changed.len(), 1);
    assert_eq!(pv.changed[0].1.rag, Rag::Green);
    assert_eq!(
        pv.changed[0].1.last_updated,
        Some(today()),
        "a changed row is stamped"
    );
    assert_eq!(pv.added.len(), 1);
    assert_eq!(pv.added[0].due, Some(d(2025, 12, 31)));
    assert!(pv.rejected.is_empty());
    let mut q = p.clone();
    let mut h = outcome_explorer::history::History::default();
    h.apply(&mut q, "Import", pv.edit(0, 2)).unwrap();
    assert_eq!(q.action_plans[0].actions.len(), 3);
    assert_eq!(q.action_plans[0].actions[0].rag, Rag::Green);
    assert!(h.undo(&mut q), "the whole import undoes as one step");
    assert_eq!(q, p);
}

#[test]
fn bad_rows_are_rejected_with_reasons() {
    let p = fixture();
    let bytes = csv_text(&[
        "R5,,Bad date,,,next week,Green,,,",
        "R6,,Bad rag,,,,Purple,,,",
        "R7,,Bad outcome,,,,Green,,,o-nowhere",
        "R8,,Too few cells",
        "R9,,Early,,,2020-01-01,Green,,,",
        "R9,,Twice,,,,Green,,,",
        ",,No reference,,,,Green,,,",
        "R10,,Good,,,,Green,,,",
    ]);
    let pv = csv_io::preview(&p, "cpc", &bytes, today()).unwrap();
    let why: Vec<String> = pv.rejected.iter().map(|r| r.to_string()).collect();
    assert_eq!(pv.rejected.len(), 7, "{why:#?}");
    assert!(
        why[0].contains("line 2 (R5)") && why[0].contains("not a date"),
        "{why:#?}"
    );
    assert!(why[1].contains("R6") && why[1].contains("not a RAG rating"));
    assert!(why[2].contains("R7") && why[2].contains("no outcome “o-nowhere”"));
    assert!(why[3].contains("R8") && why[3].contains("has 3 cells where the header has 10"));
    assert!(why[4].contains("R9") && why[4].contains("before the plan's start"));
    assert!(why[5].contains("more than once"));
    assert!(why[6].contains("reference is empty"));
    assert_eq!(pv.added.len(), 1);
    assert_eq!(pv.added[0].reference, "R10");
}

#[test]
fn whole_files_that_cannot_be_imported() {
    let p = fixture();
    assert_eq!(
        csv_io::preview(&p, "cpc", b"", today()),
        Err(ImportError::Empty)
    );
    assert_eq!(
        csv_io::preview(&p, "cpc", "\u{feff}\r\n".as_bytes(), today()),
        Err(ImportError::Empty)
    );
    let png = [0x89u8, b'P', b'N', b'G', 0, 0, 0xff, 0xfe];
    assert!(matches!(
        csv_io::preview(&p, "cpc", &png, today()),
        Err(ImportError::NotCsv(_))
    ));
    let prose = b"Dear director,\nplease find attached the plan.";
    let e = csv_io::preview(&p, "cpc", prose, today()).unwrap_err();
    assert!(e.to_string().contains("no “Reference” column"), "{e}");
    assert!(matches!(
        csv_io::preview(&p, "nope", &csv_text(&[]), today()),
        Err(ImportError::NoPlan(_))
    ));
}

fn text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9 ,.;:'\"&£()é-]{0,30}"
}

fn line() -> impl Strategy<Value = String> {
    "[A-Za-z0-9,.;:'\"&£()é-][A-Za-z0-9 ,.;:'\"&£()é-]{0,30}"
}

/// A progress note's text: sometimes several lines, as the row editor's note box allows.
fn note_text() -> impl Strategy<Value = String> {
    (text(), prop::collection::vec(line(), 0..3)).prop_map(|(first, more)| {
        std::iter::once(first)
            .chain(more)
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (2024i32..2030, 1u32..13, 1u32..29).prop_map(|(y, m, dd)| d(y, m, dd))
}

fn action() -> impl Strategy<Value = Action> {
    (
        (text(), text(), prop::collection::vec(line(), 0..4), text()),
        (
            prop::option::of(date()),
            prop::sample::select(Rag::ALL.to_vec()),
            prop::collection::vec((date(), note_text()), 0..3),
            prop::option::of(date()),
            prop::sample::subsequence(vec!["o-homes", "o-jobs", "o-health"], 0..3),
        ),
    )
        .prop_map(
            |((theme, title, key_actions, owner), (due, rag, progress, last_updated, outcomes))| {
                Action {
                    reference: String::new(),
                    theme,
                    title,
                    key_actions,
                    owner,
                    due,
                    rag,
                    progress: progress
                        .into_iter()
                        .map(|(date, text)| ProgressNote { date, text })
                        .collect(),
                    last_updated,
                    outcomes: outcomes.into_iter().map(String::from).collect(),
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn export_then_import_changes_nothing(actions in prop::collection::vec(action(), 0..12)) {
        let actions: Vec<Action> = actions
            .into_iter()
            .enumerate()
            .map(|(i, mut a)| { a.reference = format!("R{}", i + 1); a })
            .collect();
        let p = project_with(ActionPlan {
            id: "plan".into(),
            title: "Plan".into(),
            actions,
            ..Default::default()
        });
        let bytes = csv_io::export(&p.action_plans[0]);
        let pv = csv_io::preview(&p, "plan", &bytes, today()).unwrap();
        prop_assert!(pv.rejected.is_empty(), "{:?}", pv.rejected);
        prop_assert!(pv.is_noop(), "{:?}", pv);
        prop_assert_eq!(pv.unchanged, p.action_plans[0].actions.len());
        let mut q = p.clone();
        pv.edit(0, q.action_plans[0].actions.len()).apply(&mut q).unwrap();
        prop_assert_eq!(q, p);
        let _ = Edit::Batch(vec![]);
    }
}

#[test]
fn line_numbers_match_the_spreadsheet_with_either_line_ending() {
    let p = fixture();
    for eol in ["\n", "\r\n"] {
        let text = [
            csv_io::headers().join(","),
            "R1,,\"two\nlines\",,,,Green,,,".to_string(),
            "R5,,Bad,,,never,Green,,,".to_string(),
        ]
        .join(eol);
        let pv = csv_io::preview(&p, "cpc", text.as_bytes(), today()).unwrap();
        assert_eq!(pv.rejected[0].line, 4, "{eol:?}");
    }
}

#[test]
fn a_note_over_several_lines_and_a_blank_rating_survive_import() {
    let mut p = fixture();
    p.action_plans[0].actions[0].progress = vec![ProgressNote {
        date: d(2025, 2, 1),
        text: "Budget agreed\nConsultation opens in March".into(),
    }];
    let bytes = csv_io::export(&p.action_plans[0]);
    let pv = csv_io::preview(&p, &p.action_plans[0].id.clone(), &bytes, today()).unwrap();
    assert!(pv.rejected.is_empty(), "{:?}", pv.rejected);
    assert!(pv.is_noop(), "{pv:?}");

    // The same sheet with R1's RAG cell emptied: the rating stays as it was.
    let text = String::from_utf8(bytes).unwrap();
    let rag = p.action_plans[0].actions[0].rag.label();
    let blanked = text.replacen(&format!(",{rag},"), ",,", 1);
    assert_ne!(blanked, text);
    let pv = csv_io::preview(
        &p,
        &p.action_plans[0].id.clone(),
        blanked.as_bytes(),
        today(),
    )
    .unwrap();
    assert!(pv.rejected.is_empty(), "{:?}", pv.rejected);
    assert!(pv.is_noop(), "{pv:?}");
}

#[test]
fn a_changed_row_is_described_field_by_field() {
    let p = fixture();
    let old = p.action_plans[0].actions[0].clone();
    let mut new = old.clone();
    new.rag = Rag::Red;
    new.due = Some(d(2025, 6, 30));
    new.progress.push(ProgressNote {
        date: d(2025, 3, 1),
        text: "Slipped".into(),
    });
    let lines = csv_io::describe_change(&old, &new);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(
        lines.contains(&format!("RAG: {} → Red", old.rag.label())),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Due: ") && l.ends_with("→ 2025-06-30"))
    );
    assert!(
        lines.contains(&"Progress: 1 note → 2 notes".to_string()),
        "{lines:?}"
    );
    assert!(csv_io::describe_change(&old, &old).is_empty());
}

fn apply(p: &Project, pv: &csv_io::Preview) -> Project {
    let mut q = p.clone();
    let len = q.action_plans[0].actions.len();
    pv.edit(0, len).apply(&mut q).unwrap();
    q
}

/// Typing a new note into the progress cell adds it: the notes already there are kept
/// unless the user chooses to remove the ones the file leaves out.
#[test]
fn a_note_typed_into_the_cell_is_added_and_older_notes_are_kept() {
    let p = fixture();
    let only_new = csv_text(&[
        "R1,Place,\"Affordable housing, \"\"fast\"\"\",\"One, with a comma\nTwo\",Director of Place,2025-03-31,Amber,2025-05-20: Site bought,2025-01-10,\"o-homes, o-jobs\"",
        "R2,,Second,,,,Not started,,,",
    ]);
    let pv = csv_io::preview(&p, "cpc", &only_new, today()).unwrap();
    assert_eq!(pv.changed.len(), 1, "{pv:?}");
    let notes = &pv.changed[0].1.progress;
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert_eq!(notes[0].text, "Board agreed: go");
    assert_eq!(notes[1].text, "Site bought");
    assert_eq!(pv.missing_notes.len(), 1);
    assert_eq!(pv.missing_notes[0].notes[0].text, "Board agreed: go");
    let lines = pv.missing_lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("R1: note of 10 Jan 2025 “Board agreed: go” — not in the file, kept"),
        "{lines:?}"
    );

    let exact = csv_io::ImportChoices {
        delete_missing_notes: true,
        ..Default::default()
    };
    let pv = csv_io::preview_with(&p, "cpc", &only_new, today(), exact).unwrap();
    assert_eq!(pv.changed[0].1.progress.len(), 1);
    assert_eq!(pv.changed[0].1.progress[0].text, "Site bought");
    assert!(pv.missing_lines()[0].ends_with("not in the file, removed"));

    // A cell with every note, as exported, changes nothing.
    let all = String::from_utf8(csv_io::export(&p.action_plans[0])).unwrap();
    let pv = csv_io::preview(&p, "cpc", all.as_bytes(), today()).unwrap();
    assert!(pv.is_noop() && pv.missing_notes.is_empty(), "{pv:?}");
}

/// Rows missing from the file are reported and kept; removed only when chosen, and the
/// removal undoes with the rest of the import.
#[test]
fn rows_missing_from_the_file_are_reported_and_removed_only_when_chosen() {
    let p = fixture();
    let without_r1 = csv_text(&[
        "R2,,Second,,,,Not started,,,",
        "R3,People,A new one,,HR,31 Dec 2025,red,,,o-health",
    ]);
    let pv = csv_io::preview(&p, "cpc", &without_r1, today()).unwrap();
    assert_eq!(pv.missing_rows.len(), 1);
    assert_eq!(pv.missing_rows[0].1.reference, "R1");
    assert_eq!(
        pv.missing_summary().unwrap(),
        "1 row not in the file is kept"
    );
    let kept = apply(&p, &pv);
    let refs: Vec<&str> = kept.action_plans[0]
        .actions
        .iter()
        .map(|a| a.reference.as_str())
        .collect();
    assert_eq!(refs, ["R1", "R2", "R3"]);

    let delete = csv_io::ImportChoices {
        delete_missing_rows: true,
        ..Default::default()
    };
    let pv = csv_io::preview_with(&p, "cpc", &without_r1, today(), delete).unwrap();
    assert_eq!(
        pv.missing_summary().unwrap(),
        "1 row not in the file is removed"
    );
    let mut q = p.clone();
    let mut h = outcome_explorer::history::History::default();
    h.apply(&mut q, "Import", pv.edit(0, 2)).unwrap();
    let refs: Vec<&str> = q.action_plans[0]
        .actions
        .iter()
        .map(|a| a.reference.as_str())
        .collect();
    assert_eq!(refs, ["R2", "R3"]);
    assert!(h.undo(&mut q));
    assert_eq!(q, p);
    // Removing is an import on its own: a file with every row but one removes that one.
    let pv = csv_io::preview_with(
        &p,
        "cpc",
        &csv_text(&["R2,,Second,,,,Not started,,,"]),
        today(),
        delete,
    )
    .unwrap();
    assert!(!pv.is_noop());
    assert_eq!(apply(&p, &pv).action_plans[0].actions.len(), 1);
}

/// The whole result is checked as loading checks a file: a row that would make the file
/// fail to load (a note with no text) is rejected, and what is imported loads cleanly.
#[test]
fn an_import_never_makes_a_file_that_does_not_load() {
    let p = fixture();
    let bytes = csv_text(&[
        "R3,People,Empty note,,HR,,Green,2025-05-01: ,,",
        "R4,People,Fine,,HR,,Green,2025-05-01: Started,,",
    ]);
    let pv = csv_io::preview(&p, "cpc", &bytes, today()).unwrap();
    assert_eq!(pv.added.len(), 1, "{pv:?}");
    assert_eq!(pv.added[0].reference, "R4");
    assert_eq!(pv.rejected.len(), 1);
    let r = &pv.rejected[0];
    assert_eq!((r.line, r.reference.as_str()), (2, "R3"));
    assert!(r.reasons[0].contains("progress note text is empty"), "{r}");
    assert!(pv.problems.is_empty());
    // The fixture's outcomes lack priorities; the import adds no problem of its own.
    let after = apply(&p, &pv);
    assert_eq!(
        outcome_explorer::validate::validate(&after),
        outcome_explorer::validate::validate(&p)
    );
}

/// Continental spreadsheets save with semicolons, some with tabs: both are read.
#[test]
fn semicolon_and_tab_separated_files_are_imported() {
    let p = fixture();
    for sep in [";", "\t"] {
        let text = format!(
            "Reference{sep}Title{sep}Owner{sep}RAG\r\nR2{sep}Drugi, poprawiony{sep}Zespół mieszkaniowy{sep}Green\r\n"
        );
        let pv = csv_io::preview(&p, "cpc", text.as_bytes(), today()).unwrap();
        assert_eq!(pv.changed.len(), 1, "{sep:?}: {pv:?}");
        assert_eq!(pv.changed[0].1.title, "Drugi, poprawiony");
        assert_eq!(pv.changed[0].1.owner, "Zespół mieszkaniowy");
        assert_eq!(pv.changed[0].1.rag, Rag::Green);
        assert_eq!(pv.separator, sep.as_bytes()[0]);
    }
}

/// `read_file` on `path` in a thread, failing the test instead of waiting forever.
fn read_within_seconds(path: &std::path::Path, secs: u64) -> Result<Vec<u8>, String> {
    let (tx, rx) = std::sync::mpsc::channel();
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(csv_io::read_file(&path));
    });
    rx.recv_timeout(std::time::Duration::from_secs(secs))
        .expect("reading the CSV finished in time")
}

#[cfg(unix)]
#[test]
fn a_pipe_a_device_or_a_folder_is_refused_at_once_saying_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.csv");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let e = read_within_seconds(&fifo, 10).unwrap_err();
        assert!(e.contains("is a pipe, not an ordinary file"), "{e}");
    } else {
        eprintln!("mkfifo is not available: the pipe case is not tried");
    }
    let e = read_within_seconds(std::path::Path::new("/dev/zero"), 10).unwrap_err();
    assert!(e.contains("/dev/zero: is a device"), "{e}");
    let e = read_within_seconds(dir.path(), 10).unwrap_err();
    assert!(e.contains("is a folder"), "{e}");
}

#[test]
fn a_csv_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    for size in [csv_io::MAX_CSV_BYTES + 1, 300 * 1024 * 1024] {
        let path = dir.path().join("big.csv");
        // Sparse: no disk is used, and reading it all would take a while.
        std::fs::File::create(&path).unwrap().set_len(size).unwrap();
        let started = std::time::Instant::now();
        let e = read_within_seconds(&path, 10).unwrap_err();
        assert!(
            e.contains("is larger than the 64 MB a plan CSV may be"),
            "{e}"
        );
        assert!(started.elapsed().as_secs() < 2, "{:?}", started.elapsed());
    }
    // At the limit, it is read.
    let path = dir.path().join("ok.csv");
    std::fs::write(&path, csv_text(&["R1,,T,,,,,,,"])).unwrap();
    assert_eq!(
        read_within_seconds(&path, 10).unwrap(),
        csv_text(&["R1,,T,,,,,,,"])
    );
}

#[test]
fn long_cells_are_never_repeated_whole_in_messages() {
    let p = fixture();
    // A header cell of 10 MB.
    let header = format!("{}\nR1\n", "H".repeat(10 * 1024 * 1024));
    let e = csv_io::preview(&p, "cpc", header.as_bytes(), today()).unwrap_err();
    assert!(e.to_string().len() < 400, "{} bytes", e.to_string().len());
    // A bad date, a bad rating and a reference repeated, each 50 KB long.
    let long = "9".repeat(50_000);
    let rows = [
        format!("R1,,T,,,{long},,,,"),
        format!("R2,,T,,,,{long},,,"),
        format!("{long},,T,,,,,,,"),
        format!("{long},,T,,,,,,,"),
    ];
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let pv = csv_io::preview(&p, "cpc", &csv_text(&rows), today()).unwrap();
    assert_eq!(pv.rejected.len(), 3, "{:?}", pv.rejected);
    for r in &pv.rejected {
        assert!(r.to_string().len() < 700, "{} bytes", r.to_string().len());
    }
    // A cell over the limit rejects its row, saying so in a line.
    let huge = "x".repeat(csv_io::MAX_CELL_BYTES + 1);
    let pv = csv_io::preview(
        &p,
        "cpc",
        &csv_text(&[&format!("R3,,{huge},,,,,,,")]),
        today(),
    )
    .unwrap();
    let why = pv.rejected[0].to_string();
    assert!(
        why.contains("longer than the 100000 a cell may hold"),
        "{why}"
    );
    assert!(pv.added.is_empty());
    // Thousands of unknown columns are named up to a count.
    let mut head: Vec<String> = (0..500).map(|i| format!("Extra {i}")).collect();
    head.push("Reference".into());
    let text = format!("{}\nR1{}\n", head.join(","), ",".repeat(500));
    let pv = csv_io::preview(&p, "cpc", text.as_bytes(), today()).unwrap();
    assert_eq!(pv.ignored_columns.len(), 21);
    assert_eq!(pv.ignored_columns[20], "and 480 more");
}

#[test]
fn item_counts_have_limits_and_many_rows_are_read_in_one_pass() {
    let p = fixture();
    let too_many = format!("Reference\n{}", "R\n".repeat(csv_io::MAX_ROWS + 1));
    let e = csv_io::preview(&p, "cpc", too_many.as_bytes(), today()).unwrap_err();
    assert!(e.to_string().contains("more than the 100000 rows"), "{e}");
    let wide = format!("Reference{}\n", ",x".repeat(csv_io::MAX_COLUMNS));
    let e = csv_io::preview(&p, "cpc", wide.as_bytes(), today()).unwrap_err();
    assert!(
        e.to_string()
            .contains("more than the 1000 a plan CSV may have"),
        "{e}"
    );

    // 20,000 rows, each rejected for a bad date: line numbers counted once, rows found by
    // reference in a table, not a search of the file per row.
    let rows: Vec<String> = (0..20_000).map(|i| format!("N{i},,T,,,soon,,,,")).collect();
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let started = std::time::Instant::now();
    let pv = csv_io::preview(&p, "cpc", &csv_text(&rows), today()).unwrap();
    assert_eq!(pv.rejected.len(), 20_000);
    assert_eq!(pv.rejected[19_999].line, 20_001);
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}
