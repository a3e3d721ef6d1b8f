use super::*;

fn project(title: &str) -> Project {
    let mut p = Project::default();
    p.programme.title = title.into();
    p
}

#[test]
fn write_list_read_and_remove() {
    let dir = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(dir.path().join("recovery"));
    assert!(store.list().is_empty(), "no folder yet is no recoveries");
    let proj = dir.path().join("luton.ron");
    file::save(&project("On disk"), &proj).unwrap();
    let base = Fingerprint::read(&proj).unwrap();

    let key = RecoveryKey::for_path(&proj);
    // However the path is spelled.
    assert_eq!(
        key,
        RecoveryKey::for_path(&dir.path().join(".").join("luton.ron"))
    );
    let written = store
        .write(&key, Some(&proj), Some(&base), &project("Edited"))
        .unwrap();
    // Written again: one file per key, the latest edits.
    store
        .write(&key, Some(&proj), Some(&base), &project("Edited twice"))
        .unwrap();
    let untitled = RecoveryKey::untitled();
    assert_ne!(untitled, RecoveryKey::untitled());
    store.write(&untitled, None, None, &project("New")).unwrap();

    let list = store.list();
    assert_eq!(list.len(), 2, "{list:?}");
    let mine = list.iter().find(|r| r.file == written).unwrap();
    assert_eq!(
        mine.project_path.as_deref(),
        Some(std::fs::canonicalize(&proj).unwrap().as_path())
    );
    assert_eq!(mine.pid, std::process::id());
    assert_eq!(
        mine.base.map(|b| (b.len, b.crc)),
        Some((base.len, base.crc))
    );
    assert!((Local::now() - mine.written).num_seconds() < 60);
    // This process's own recoveries are not offered as left behind.
    assert!(store.left_behind().is_empty());

    let back = store.read(&written).unwrap();
    assert_eq!(back.project.programme.title, "Edited twice");
    assert_eq!(
        differences(Some(&file::load(&proj).unwrap()), &back.project),
        ["Programme (title, vision, horizon or notes): changed"]
    );

    store.remove(&key).unwrap();
    store.remove(&key).unwrap();
    assert_eq!(store.list().len(), 1);
    // Nothing but recovery files is ever listed or written there.
    let names: Vec<String> = std::fs::read_dir(store.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| n.ends_with(SUFFIX)), "{names:?}");
}

#[test]
fn recoveries_of_ended_processes_are_left_behind_and_unreadable_files_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(dir.path());
    let key = RecoveryKey::for_path(&dir.path().join("p.ron"));
    let path = store.write(&key, None, None, &project("Lost")).unwrap();
    // As if written by a process that has ended.
    let text = std::fs::read_to_string(&path).unwrap();
    let other = text.replace(&format!("pid: {},", std::process::id()), "pid: 4194305,");
    assert_ne!(text, other);
    std::fs::write(
        dir.path().join(format!("p-00000000-4194305{SUFFIX}")),
        other,
    )
    .unwrap();
    std::fs::write(dir.path().join(format!("broken{SUFFIX}")), "(format: 1,").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not mine").unwrap();
    let left = store.left_behind();
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0].pid, 4_194_305);
    assert_eq!(
        store.read(&left[0].file).unwrap().project.programme.title,
        "Lost"
    );
    assert!(
        store
            .read(&dir.path().join(format!("broken{SUFFIX}")))
            .is_err()
    );
}

/// A project that the window holds may not validate yet: its recovery is read back as it
/// was, without the checks loading applies.
#[test]
fn a_project_that_does_not_validate_is_recovered_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(dir.path());
    let mut p = project("Half done");
    p.measures.push(crate::model::Measure {
        id: "Not An Id!".into(),
        ..Default::default()
    });
    assert!(!crate::validate::validate(&p).is_empty());
    let path = store
        .write(&RecoveryKey::untitled(), None, None, &p)
        .unwrap();
    assert_eq!(store.read(&path).unwrap().project, p);
}
