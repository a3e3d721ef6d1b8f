//! Property tests: random valid projects survive the file format unchanged, and a
//! failed save leaves the original file as it was.

mod common;

use common::{arb_project, obs, sample_project};
use outcome_explorer::model::{Measure, Unit};
use outcome_explorer::{file, validate};
use proptest::prelude::*;
use std::path::Path;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The strategy only makes projects that validate (otherwise the other properties
    /// would fail for the wrong reason).
    #[test]
    fn generated_projects_are_valid(p in arb_project()) {
        prop_assert_eq!(validate::validate(&p), vec![]);
    }

    /// (a) parse(to_text(p)) == p and (b) the re-parsed project's text is byte-identical.
    #[test]
    fn text_round_trips(p in arb_project()) {
        let text = file::to_text(&p);
        let back = file::parse(&text, "p.ron");
        prop_assert!(back.is_ok(), "{}\n--- text ---\n{}", back.unwrap_err(), text);
        let back = back.unwrap();
        prop_assert_eq!(&back, &p);
        prop_assert_eq!(file::to_text(&back), text);
    }

    /// (c) save then load gives the project back.
    #[test]
    fn save_and_load_round_trip(p in arb_project()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("project.ron");
        file::save(&p, &path).unwrap();
        let back = file::load(&path);
        prop_assert!(back.is_ok(), "{}", back.unwrap_err());
        prop_assert_eq!(back.unwrap(), p);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Every finite f64 (subnormals, extremes, -0.0) comes back with the same bits.
    #[test]
    fn floats_round_trip_exactly(v in proptest::num::f64::ANY.prop_filter("finite", |v| v.is_finite())) {
        let mut p = sample_project();
        p.measures.push(Measure {
            id: "money".into(),
            name: "Money".into(),
            unit: Unit::Pounds,
            observations: vec![obs("2024", v)],
            tolerance_percent: 10.0,
            ..Default::default()
        });
        let back = file::parse(&file::to_text(&p), "p.ron").unwrap();
        let got = back.measures.last().unwrap().observations[0].value;
        prop_assert_eq!(got.to_bits(), v.to_bits(), "{} came back as {}", v, got);
    }
}

/// Whether this process can create files in a read-only (0o555) folder, as root can.
fn permissions_ignored(dir: &Path) -> bool {
    let probe = dir.join("probe");
    let created = std::fs::write(&probe, b"x").is_ok();
    let _ = std::fs::remove_file(&probe);
    created
}

fn no_temporary_files_left(dir: &Path) {
    for e in std::fs::read_dir(dir).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            !name.contains(".saving-"),
            "temporary file {name} was left behind"
        );
    }
}

#[cfg(unix)]
#[test]
fn failed_save_leaves_original_intact() {
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("projects");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("p.ron");
    let original = sample_project();
    file::save(&original, &path).unwrap();
    let before = std::fs::read(&path).unwrap();

    let mut changed = original.clone();
    changed.programme.title = "Changed".into();

    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let enforced = !permissions_ignored(&folder);
    let err = if enforced {
        let err = file::save(&changed, &path).unwrap_err();
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert!(err.to_string().contains("permission denied"), "{err}");
        err
    } else {
        // Running as root: permissions are not enforced. Make the save fail another
        // way on the same path: the backup it must keep is a folder, so copying the
        // old file to it fails after the new text was written to a temporary file.
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::create_dir(file::backup_path(&path)).unwrap();
        let err = file::save(&changed, &path).unwrap_err();
        assert!(err.to_string().contains("directory"), "{err}");
        err
    };
    let msg = err.to_string();
    assert!(
        msg.starts_with(&format!("could not save {}: ", path.display())),
        "{msg}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "original changed");
    assert_eq!(file::load(&path).unwrap(), original);
    no_temporary_files_left(&folder);
}

/// A path whose parent is a regular file cannot be saved to, whoever runs the test;
/// the file in the way is untouched.
#[test]
fn save_under_a_file_fails_and_leaves_it_intact() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("p.ron");
    file::save(&sample_project(), &blocker).unwrap();
    let before = std::fs::read(&blocker).unwrap();

    let path = blocker.join("nested.ron");
    let err = file::save(&sample_project(), &path).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.starts_with(&format!("could not save {}: ", path.display())),
        "{msg}"
    );
    assert!(msg.to_lowercase().contains("not a directory"), "{msg}");
    assert_eq!(std::fs::read(&blocker).unwrap(), before);
    no_temporary_files_left(dir.path());
}

/// Saving keeps the file's permissions, and saving through a symbolic link updates the
/// file it points to and leaves the link a link.
#[cfg(unix)]
#[test]
fn save_keeps_permissions_and_symbolic_links() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("real");
    std::fs::create_dir(&real_dir).unwrap();
    let real = real_dir.join("target.ron");
    file::save(&sample_project(), &real).unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();

    let mut p = sample_project();
    p.programme.title = "Saved through the link".into();
    file::save(&p, &link).unwrap();

    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        file::load(&real).unwrap().programme.title,
        "Saved through the link"
    );
    let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert!(
        real_dir.join("target.ron.bak").exists(),
        "the backup sits beside the real file"
    );
}
