//! The command line, run as a user would run it.

use outcome_explorer::file;
use outcome_explorer::model::Project;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_outcome-explorer"))
        .args(args)
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn check_summarises_a_valid_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    file::save(&Project::default(), &path).unwrap();
    let out = run(&["check", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(
        s.contains("valid: 0 priorities, 0 areas of need, 0 outcomes, 0 measures"),
        "{s}"
    );
}

#[test]
fn check_reports_position_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    std::fs::write(&path, "(\n  format_version: 1,\n  programme: (title: \"T\", vision: \"V\", horizon_year: 2040, colour: 1),\n)").unwrap();
    let out = run(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("bad.ron:3:"), "{err}");
    assert!(err.contains("unknown field `colour`"), "{err}");
}

#[test]
fn check_of_a_missing_file_explains() {
    let out = run(&["check", "/no/such/file.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("/no/such/file.ron: cannot open"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn fmt_rewrites_once_and_then_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let messy = "(format_version:1,programme:(title:\"T\",vision:\"V\",horizon_year:2040))";
    std::fs::write(&path, messy).unwrap();
    let p = path.to_str().unwrap();
    assert_eq!(run(&["fmt", "--check", p]).status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        messy,
        "--check changes nothing"
    );
    assert!(run(&["fmt", p]).status.success());
    let once = std::fs::read_to_string(&path).unwrap();
    assert_eq!(once, file::to_text(&file::load(&path).unwrap()));
    assert!(run(&["fmt", p]).status.success());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), once);
    assert!(run(&["fmt", "--check", p]).status.success());
}

#[test]
fn fmt_leaves_a_file_with_comments_alone_unless_told() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let commented = "// Luton 2040, draft\n(format_version: 1, programme: (title: \"T\", \
                     vision: \"V\", horizon_year: 2040)) /* end */\n";
    std::fs::write(&path, commented).unwrap();
    let p = path.to_str().unwrap();

    let check = run(&["fmt", "--check", p]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        text(&check.stdout).contains("dropping its 2 comments (lines 1, 2)"),
        "{}",
        text(&check.stdout)
    );
    let refused = run(&["fmt", p]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("--drop-comments"),
        "{}",
        text(&refused.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        commented,
        "left as it was"
    );

    assert!(run(&["fmt", "--drop-comments", p]).status.success());
    let formatted = std::fs::read_to_string(&path).unwrap();
    assert!(!formatted.contains("//") && !formatted.contains("/*"));
    assert_eq!(file::load(&path).unwrap().programme.title, "T");
}

#[test]
fn version_and_help() {
    let v = run(&["--version"]);
    assert!(v.status.success());
    assert!(text(&v.stdout).starts_with("outcome-explorer "));
    let h = run(&["--help"]);
    assert!(text(&h.stdout).contains("check"));
    assert!(text(&h.stdout).contains("export"));
}

/// A project with one action plan "plan" holding action R1.
fn project_with_a_plan() -> Project {
    let mut p = Project::default();
    p.programme.title = "T".into();
    p.programme.vision = "V".into();
    p.programme.horizon_year = 2040;
    p.action_plans.push(outcome_explorer::model::ActionPlan {
        id: "plan".into(),
        title: "Plan".into(),
        actions: vec![outcome_explorer::model::Action {
            reference: "R1".into(),
            title: "Do it".into(),
            ..Default::default()
        }],
        ..Default::default()
    });
    p
}

/// A file marked read-only is left alone by the commands that rewrite files, with a message
/// that says why (even where the folder would allow replacing it, and for root).
#[test]
fn read_only_files_are_refused_by_fmt_and_csv_import() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let csv = dir.path().join("plan.csv");
    file::save(&project_with_a_plan(), &path).unwrap();
    let p = path.to_str().unwrap();
    assert!(
        run(&[
            "csv",
            "export",
            p,
            "--plan",
            "plan",
            "--out",
            csv.to_str().unwrap()
        ])
        .status
        .success()
    );
    // Indented differently, so that fmt would change it.
    std::fs::write(
        &path,
        file::to_text(&project_with_a_plan()).replace("\n", "\n  "),
    )
    .unwrap();
    std::fs::remove_file(file::backup_path(&path)).ok();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    std::fs::write(
        &csv,
        std::fs::read_to_string(&csv)
            .unwrap()
            .replace("Do it", "Do it now"),
    )
    .unwrap();
    let before = std::fs::read(&path).unwrap();

    for args in [
        vec!["fmt", p],
        vec![
            "csv",
            "import",
            p,
            "--plan",
            "plan",
            "--in",
            csv.to_str().unwrap(),
        ],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = text(&out.stderr);
        assert!(err.contains("marked read-only"), "{args:?}: {err}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "{args:?}");
    }
    assert!(!file::backup_path(&path).exists());
}

/// `csv import` adds notes, keeps rows the CSV leaves out unless `--delete-missing`, reads a
/// semicolon-separated file, and writes nothing while a row is rejected.
#[test]
fn csv_import_adds_notes_and_deletes_only_when_told() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut p = project_with_a_plan();
    p.action_plans[0].actions[0]
        .progress
        .push(outcome_explorer::model::ProgressNote {
            date: chrono::NaiveDate::from_ymd_opt(2025, 1, 10).unwrap(),
            text: "Agreed".into(),
        });
    p.action_plans[0]
        .actions
        .push(outcome_explorer::model::Action {
            reference: "R2".into(),
            title: "Second".into(),
            ..Default::default()
        });
    file::save(&p, &path).unwrap();
    let csv = dir.path().join("plan.csv");
    std::fs::write(
        &csv,
        "Reference;Title;Latest progress\nR1;Do it;2025-02-01: Started\n",
    )
    .unwrap();
    let (f, c) = (path.to_str().unwrap(), csv.to_str().unwrap());

    let out = run(&["csv", "import", f, "--plan", "plan", "--in", c]);
    let s = text(&out.stdout);
    assert!(out.status.success(), "{s}{}", text(&out.stderr));
    assert!(s.contains("read as separated by semicolons"), "{s}");
    assert!(s.contains("R2: Second — not in the file, kept"), "{s}");
    assert!(s.contains("--delete-missing removes them"), "{s}");
    let after = file::load(&path).unwrap();
    let plan = &after.action_plans[0];
    assert_eq!(plan.actions.len(), 2);
    let notes: Vec<&str> = plan.actions[0]
        .progress
        .iter()
        .map(|n| n.text.as_str())
        .collect();
    assert_eq!(notes, ["Agreed", "Started"]);

    let out = run(&[
        "csv",
        "import",
        f,
        "--plan",
        "plan",
        "--in",
        c,
        "--delete-missing",
        "--delete-missing-notes",
    ]);
    let s = text(&out.stdout);
    assert!(out.status.success(), "{s}{}", text(&out.stderr));
    assert!(s.contains("removed R2: Second"), "{s}");
    let after = file::load(&path).unwrap();
    assert_eq!(after.action_plans[0].actions.len(), 1);
    assert_eq!(after.action_plans[0].actions[0].progress.len(), 1);

    // A row that would make the file invalid: nothing is written.
    let before = std::fs::read(&path).unwrap();
    std::fs::write(
        &csv,
        "Reference,Title,Latest progress\nR3,New,2025-03-01: \n",
    )
    .unwrap();
    let out = run(&["csv", "import", f, "--plan", "plan", "--in", c]);
    assert_eq!(out.status.code(), Some(1));
    let s = text(&out.stdout);
    assert!(s.contains("progress note text is empty"), "{s}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// A command line that is not understood exits 2 with the usage; one that is understood
/// but names what is not there, or is not valid, exits 1 with a message; none panics.
#[test]
fn exit_codes_say_usage_error_or_invalid_input_and_nothing_panics() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    file::save(&project_with_a_plan(), &path).unwrap();
    let p = path.to_str().unwrap();
    let out = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let (png, csv, ron, gif) = (out("w.png"), out("plan.csv"), out("q.ron"), out("w.gif"));
    let usage: Vec<Vec<&str>> = vec![
        vec!["--bogus"],
        vec!["check"],
        vec!["check", p, p],
        vec!["check", ""],
        vec!["fmt", "--check"],
        vec!["export"],
        vec!["export", "wheel", p],
        vec!["export", "wheel", p, "--out", &png, "--width", "-5"],
        vec!["export", "wheel", p, "--out", &png, "--width", "wide"],
        vec!["export", "wheel", p, "--out", &png, "--colour-by", "mood"],
        vec!["export", "chart"],
        vec!["csv"],
        vec!["csv", "import", p, "--plan", "plan"],
        vec!["csv", "export", p, "--out", &csv],
        vec!["nonsense", "command"],
    ];
    for args in &usage {
        let o = run(args);
        let err = text(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("Usage:") || err.contains("try '--help'"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
    std::fs::write(&ron, "(").unwrap();
    let invalid: Vec<Vec<&str>> = vec![
        vec!["check", "/no/such/file.ron"],
        vec!["check", dir.path().to_str().unwrap()],
        vec!["check", &ron],
        vec!["fmt", &ron],
        vec!["export", "wheel", p, "--out", &png, "--width", "0"],
        vec![
            "export",
            "wheel",
            p,
            "--out",
            &png,
            "--focus",
            "nowhere/nothing",
        ],
        vec!["export", "wheel", p, "--out", &gif],
        vec!["export", "chart", "no-such-measure", p, "--out", &png],
        vec!["csv", "export", p, "--plan", "nope", "--out", &csv],
        vec![
            "csv",
            "export",
            p,
            "--plan",
            "plan",
            "--out",
            dir.path().to_str().unwrap(),
        ],
        vec!["csv", "import", p, "--plan", "plan", "--in", "/no/such.csv"],
        vec![
            "csv",
            "import",
            p,
            "--plan",
            "plan",
            "--in",
            dir.path().to_str().unwrap(),
        ],
        vec!["csv", "import", p, "--plan", "plan", "--in", p],
    ];
    for args in &invalid {
        let o = run(args);
        let err = text(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert!(!err.trim().is_empty(), "{args:?}: says why");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
    assert_eq!(run(&["--help"]).status.code(), Some(0));
    assert_eq!(run(&["check", p]).status.code(), Some(0));
}

/// Output piped into a program that stops reading ends the command quietly.
#[cfg(unix)]
#[test]
fn a_closed_output_pipe_is_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    file::save(&project_with_a_plan(), &path).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_outcome-explorer"))
        .args(["check", path.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = text(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_ne!(out.status.code(), Some(101), "{err}");
}
