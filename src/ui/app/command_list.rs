//! Every command of the app, in menu order. A new command is one more entry here: the
//! menus, the keyboard, the shortcuts window, the palette and the README's keyboard table
//! (checked by a test) follow from it.

use super::OutcomeApp;
use super::command::{Command, Menu};
use super::state::Pending;
use crate::history::List;
use crate::ui::nav::View;
use egui::{Key, KeyboardShortcut as K, Modifiers, RichText};

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

pub static COMMANDS: &[Command] = &[
    // File
    Command::new("file.new", "New", Menu::File, 0, |app, _| {
        app.request(Pending::New)
    })
    .keys(&[K::new(CMD, Key::N)]),
    Command::new("file.open", "Open…", Menu::File, 0, |app, _| {
        app.open_dialog()
    })
    .keys(&[K::new(CMD, Key::O)]),
    Command::submenu("file.recent", "Open Recent", Menu::File, 0, recent_menu),
    Command::new("file.save", "Save", Menu::File, 1, |app, _| {
        app.save();
    })
    .keys(&[K::new(CMD, Key::S)]),
    Command::new("file.save-as", "Save As…", Menu::File, 1, |app, _| {
        app.save_as();
    })
    .keys(&[K::new(CMD_SHIFT, Key::S)]),
    Command::submenu("file.export", "Export", Menu::File, 2, export_menu),
    Command::new("file.quit", "Quit", Menu::File, 3, |_, ctx| {
        ctx.send_viewport_cmd(egui::ViewportCommand::Close)
    })
    .keys(&[K::new(CMD, Key::Q)]),
    // File › Export
    Command::new(
        "export.wheel-png",
        "Wheel as PNG…",
        Menu::Export,
        0,
        |app, _| app.export_wheel("png"),
    ),
    Command::new(
        "export.wheel-svg",
        "Wheel as SVG…",
        Menu::Export,
        0,
        |app, _| app.export_wheel("svg"),
    ),
    // Edit
    Command::new("edit.undo", "Undo", Menu::Edit, 0, |app, _| app.undo())
        .keys(&[K::new(CMD, Key::Z)])
        .not_while_typing()
        .enabled_when(|app| app.doc.history().can_undo())
        .described_by(|app| app.doc.history().undo_label().map(|l| format!("Undo {l}"))),
    Command::new("edit.redo", "Redo", Menu::Edit, 0, |app, _| app.redo())
        .keys(&[K::new(CMD, Key::Y), K::new(CMD_SHIFT, Key::Z)])
        .not_while_typing()
        .enabled_when(|app| app.doc.history().redo_label().is_some())
        .described_by(|app| app.doc.history().redo_label().map(|l| format!("Redo {l}"))),
    Command::new(
        "edit.copy-table",
        "Copy table",
        Menu::Edit,
        1,
        |app, ctx| app.copy_table(ctx),
    )
    .enabled_when(|app| app.has_table()),
    Command::new(
        "edit.copy-picture",
        "Copy picture",
        Menu::Edit,
        1,
        |app, ctx| app.copy_picture(ctx),
    )
    .keys(&[K::new(CMD_SHIFT, Key::C)])
    .enabled_when(|app| app.has_picture()),
    Command::new(
        "edit.programme",
        "Programme details…",
        Menu::Edit,
        2,
        |app, _| app.edit_programme(),
    ),
    Command::new(
        "edit.add-priority",
        "Add priority…",
        Menu::Edit,
        2,
        |app, _| app.add_item(List::Priorities),
    ),
    Command::new(
        "edit.add-need",
        "Add area of need…",
        Menu::Edit,
        2,
        |app, _| app.add_item(List::Needs),
    ),
    Command::new(
        "edit.add-outcome",
        "Add outcome…",
        Menu::Edit,
        2,
        |app, _| app.add_item(List::Outcomes),
    ),
    Command::new(
        "edit.add-measure",
        "Add measure…",
        Menu::Edit,
        2,
        |app, _| app.add_item(List::Measures),
    ),
    Command::new(
        "edit.add-source",
        "Add source…",
        Menu::Edit,
        2,
        |app, _| app.add_item(List::Sources),
    ),
    Command::new(
        "edit.add-pledge",
        "Add pledge…",
        Menu::Edit,
        2,
        |app, _| app.add_item(List::Pledges),
    ),
    Command::new(
        "edit.add-mission",
        "Add mission…",
        Menu::Edit,
        2,
        |app, _| app.add_item(List::Missions),
    ),
    // View
    Command::new("view.wheel", "Wheel", Menu::View, 0, |app, _| {
        app.view = View::Wheel
    })
    .keys(&[K::new(CMD, Key::Num1)])
    .radio_when(|app| app.view == View::Wheel),
    Command::new("view.trends", "Trends", Menu::View, 0, |app, _| {
        app.view = View::Trends
    })
    .keys(&[K::new(CMD, Key::Num2)])
    .radio_when(|app| app.view == View::Trends),
    Command::new("view.actions", "Action plans", Menu::View, 0, |app, _| {
        app.view = View::Actions
    })
    .keys(&[K::new(CMD, Key::Num3)])
    .radio_when(|app| app.view == View::Actions),
    Command::new("view.programme", "Programme", Menu::View, 0, |app, _| {
        app.view = View::Programme
    })
    .keys(&[K::new(CMD, Key::Num4)])
    .radio_when(|app| app.view == View::Programme),
    Command::new("view.dark", "Dark theme", Menu::View, 1, |app, _| {
        app.settings.dark = !app.settings.dark;
        app.theme_applied = None;
    })
    .checked_when(|app| app.settings.dark),
    Command::new(
        "view.palette",
        "Command palette…",
        Menu::View,
        2,
        |app, _| app.open_palette(),
    )
    .keys(&[K::new(CMD, Key::K), K::new(CMD_SHIFT, Key::P)]),
    // Help
    Command::new(
        "help.shortcuts",
        "Keyboard shortcuts",
        Menu::Help,
        0,
        |app, _| app.show_shortcuts = true,
    ),
];

/// The command with this id.
pub fn command(id: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.id == id)
}

fn recent_menu(app: &mut OutcomeApp, ui: &mut egui::Ui) {
    if app.settings.recent.is_empty() {
        ui.label("No recent files");
    }
    for p in app.settings.recent.clone() {
        if ui.button(p.display().to_string()).clicked() {
            app.request(Pending::Open(p));
        }
    }
}

fn export_menu(app: &mut OutcomeApp, ui: &mut egui::Ui) {
    app.menu_items(ui, Menu::Export);
    ui.label(
        RichText::new("Size: as set in the wheel's Export menu")
            .small()
            .color(crate::ui::theme::muted(ui)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_every_shortcut_names_one_command() {
        let mut ids: Vec<_> = COMMANDS.iter().map(|c| c.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), COMMANDS.len(), "a command id is used twice");
        let mut keys: Vec<_> = COMMANDS.iter().flat_map(|c| c.keys).collect();
        let n = keys.len();
        keys.sort_by_key(|k| format!("{k:?}"));
        keys.dedup();
        assert_eq!(keys.len(), n, "a shortcut runs two commands");
    }

    #[test]
    fn submenus_have_no_shortcut_and_keys_read_as_in_the_readme() {
        for c in COMMANDS.iter().filter(|c| !c.runs()) {
            assert!(c.keys.is_empty(), "{}", c.id);
        }
        let redo = command("edit.redo").unwrap();
        assert_eq!(redo.keys_text(), "Ctrl+Y or Ctrl+Shift+Z");
        assert_eq!(
            command("file.save-as").unwrap().full_label(),
            "File › Save As…"
        );
    }
}
