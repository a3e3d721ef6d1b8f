//! Copying to the system clipboard: a table as tab-separated text (pastes into Excel, Word or
//! an email as a table) and a picture as an image (pastes straight into a slide). The picture
//! is drawn by the same code as the exported PNG.

use crate::ui::nav::Nav;

/// A picture of a view, ready to copy or export: an SVG document drawn at `width`×`height`.
#[derive(Debug, Clone)]
pub struct Picture {
    pub svg: String,
    pub width: u32,
    pub height: u32,
    /// What it shows, for the status line ("the wheel", "the dashboard").
    pub what: String,
}

/// Put `picture` on the clipboard as an image. Says so on the status line, or why not.
pub fn copy_picture(ctx: &egui::Context, picture: &Picture, nav: &mut Nav) {
    match image_of(picture) {
        Ok(image) => {
            let [w, h] = image.size;
            ctx.copy_image(image);
            nav.status = Some(format!(
                "Copied {} as a picture ({w}×{h}): paste it into a slide or a document",
                picture.what
            ));
        }
        Err(e) => nav.error = Some(format!("Could not copy {}: {e}", picture.what)),
    }
}

/// Put `text` on the clipboard; `what` names it on the status line.
pub fn copy_text(ctx: &egui::Context, text: String, what: &str, nav: &mut Nav) {
    ctx.copy_text(text);
    nav.status = Some(format!("Copied {what}"));
}

/// The picture's pixels.
pub fn image_of(picture: &Picture) -> Result<egui::ColorImage, String> {
    let pixmap = crate::export::png::render(&picture.svg, picture.width, picture.height)?;
    Ok(egui::ColorImage::from_rgba_premultiplied(
        [pixmap.width() as usize, pixmap.height() as usize],
        pixmap.data(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::svg::Svg;
    use crate::model::Colour;

    #[test]
    fn a_picture_becomes_an_image_of_its_size_with_its_pixels() {
        let mut svg = Svg::new(100.0, 50.0, "t");
        svg.rect(0.0, 0.0, 50.0, 50.0, Some(Colour::rgb(200, 0, 0)), None);
        let picture = Picture {
            svg: svg.finish(),
            width: 200,
            height: 100,
            what: "a test".into(),
        };
        let image = image_of(&picture).unwrap();
        assert_eq!(image.size, [200, 100]);
        assert_eq!(
            image.pixels[10 * 200 + 10],
            egui::Color32::from_rgb(200, 0, 0)
        );
        assert_eq!(
            image.pixels[10 * 200 + 190],
            egui::Color32::WHITE,
            "the right half is the page"
        );
    }
}
