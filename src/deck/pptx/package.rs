//! The fixed parts of a PowerPoint package: the theme, one slide master with three standard
//! layouts (Title Slide, Title and Content, Title Only), the notes master and the package's
//! properties. Kept plain, with the standard placeholder types, so that slides pasted or
//! reused into a council's own template take on its look.

use super::{emu, xml_escape};
use crate::deck::layout::{self, MARGIN, Rect, TITLE_SIZE};

pub const NS: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;
pub const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
pub const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT: &str = "application/vnd.openxmlformats-officedocument.presentationml";

/// Hundredths of a point for a size in slide units (1920 units = 13.333 in = 960 pt).
pub fn centipoints(units: f64) -> u32 {
    (units * 0.5 * 100.0).round() as u32
}

/// The group properties every shape tree starts with.
pub const TREE_START: &str = r#"<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>"#;

/// `<a:xfrm>` for a rectangle in slide units.
pub fn xfrm(r: Rect) -> String {
    format!(
        r#"<a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm>"#,
        emu(r.x),
        emu(r.y),
        emu(r.w),
        emu(r.h)
    )
}

/// An empty placeholder shape of a layout or master.
fn placeholder(id: u32, name: &str, ph: &str, r: Rect, anchor: &str) -> String {
    styled_placeholder(id, name, ph, r, anchor, "")
}

/// A placeholder whose first level is styled by `lvl1` (an `<a:lvl1pPr>`).
fn styled_placeholder(id: u32, name: &str, ph: &str, r: Rect, anchor: &str, lvl1: &str) -> String {
    format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr>{}</p:spPr><p:txBody><a:bodyPr anchor="{anchor}"><a:normAutofit/></a:bodyPr><a:lstStyle>{lvl1}</a:lstStyle><a:p><a:endParaRPr lang="en-GB"/></a:p></p:txBody></p:sp>"#,
        xfrm(r)
    )
}

/// The title placeholder's box on every titled slide: room for two lines.
pub fn title_rect() -> Rect {
    let f = layout::frame("");
    Rect {
        h: TITLE_SIZE * 0.3 + 2.0 * layout::title_line_height(),
        ..f.title
    }
}

/// The body placeholder's box (under a one-line title).
pub fn body_rect() -> Rect {
    let f = layout::frame("");
    Rect {
        x: MARGIN,
        y: f.body.y + MARGIN * 0.3,
        w: layout::WIDTH - 2.0 * MARGIN,
        h: f.body.h - MARGIN,
    }
}

fn cover_rects() -> (Rect, Rect) {
    let w = layout::WIDTH - 4.0 * MARGIN;
    (
        Rect {
            x: 2.0 * MARGIN,
            y: layout::HEIGHT * 0.22,
            w,
            h: layout::HEIGHT * 0.3,
        },
        Rect {
            x: 2.0 * MARGIN,
            y: layout::HEIGHT * 0.55,
            w,
            h: layout::HEIGHT * 0.22,
        },
    )
}

pub fn theme(name: &str) -> String {
    let schemes = r#"<a:clrScheme name="Outcome Explorer"><a:dk1><a:srgbClr val="1F2328"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="555B63"/></a:dk2><a:lt2><a:srgbClr val="F3F4F6"/></a:lt2><a:accent1><a:srgbClr val="0072B2"/></a:accent1><a:accent2><a:srgbClr val="D55E00"/></a:accent2><a:accent3><a:srgbClr val="009E73"/></a:accent3><a:accent4><a:srgbClr val="CC79A7"/></a:accent4><a:accent5><a:srgbClr val="E69F00"/></a:accent5><a:accent6><a:srgbClr val="56B4E9"/></a:accent6><a:hlink><a:srgbClr val="0072B2"/></a:hlink><a:folHlink><a:srgbClr val="8C5A00"/></a:folHlink></a:clrScheme><a:fontScheme name="Outcome Explorer"><a:majorFont><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>"#;
    let fill = r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#;
    let line = |w: u32| {
        format!(r#"<a:ln w="{w}"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>"#)
    };
    let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
    format!(
        r#"{DECL}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="{}"><a:themeElements>{schemes}<a:fmtScheme name="Outcome Explorer"><a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst><a:lnStyleLst>{}{}{}</a:lnStyleLst><a:effectStyleLst>{effect}{effect}{effect}</a:effectStyleLst><a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"#,
        xml_escape(name),
        line(6350),
        line(12700),
        line(19050)
    )
}

const CLR_MAP: &str = r#"bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink""#;

fn level(n: u32, size: u32, bullet: bool, indent: u32) -> String {
    let bu = if bullet {
        r#"<a:buFont typeface="Arial"/><a:buChar char="•"/>"#
    } else {
        "<a:buNone/>"
    };
    let (mar, ind) = if bullet {
        (indent * (n + 1), -(indent as i64))
    } else {
        (0, 0)
    };
    format!(
        r#"<a:lvl{n}pPr marL="{mar}" indent="{ind}" algn="l"><a:spcBef><a:spcPts val="600"/></a:spcBef>{bu}<a:defRPr sz="{size}"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/></a:defRPr></a:lvl{n}pPr>"#,
        n = n + 1
    )
}

pub fn slide_master() -> String {
    let title = placeholder(
        2,
        "Title Placeholder 1",
        r#"<p:ph type="title"/>"#,
        title_rect(),
        "t",
    );
    let body = placeholder(
        3,
        "Text Placeholder 2",
        r#"<p:ph type="body" idx="1"/>"#,
        body_rect(),
        "t",
    );
    let title_size = centipoints(TITLE_SIZE);
    let body_levels: String = (0..5)
        .map(|n| {
            level(
                n,
                centipoints(layout::BODY_SIZE + 4.0) - n * 200,
                true,
                342900,
            )
        })
        .collect();
    let other = level(0, 1800, false, 0);
    format!(
        r#"{DECL}<p:sldMaster {NS}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>{TREE_START}{title}{body}</p:spTree></p:cSld><p:clrMap {CLR_MAP}/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/><p:sldLayoutId id="2147483650" r:id="rId2"/><p:sldLayoutId id="2147483651" r:id="rId3"/></p:sldLayoutIdLst><p:txStyles><p:titleStyle><a:lvl1pPr algn="l"><a:lnSpc><a:spcPct val="90000"/></a:lnSpc><a:buNone/><a:defRPr sz="{title_size}" b="1"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mj-lt"/></a:defRPr></a:lvl1pPr></p:titleStyle><p:bodyStyle>{body_levels}</p:bodyStyle><p:otherStyle>{other}</p:otherStyle></p:txStyles></p:sldMaster>"#
    )
}

/// The three layouts: 1 Title Slide, 2 Title and Content, 3 Title Only.
pub fn slide_layouts() -> [String; 3] {
    let (ct, st) = cover_rects();
    let wrap = |kind: &str, name: &str, shapes: String| {
        format!(
            r#"{DECL}<p:sldLayout {NS} type="{kind}" preserve="1"><p:cSld name="{name}"><p:spTree>{TREE_START}{shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"#
        )
    };
    let title = || placeholder(2, "Title 1", r#"<p:ph type="title"/>"#, title_rect(), "t");
    [
        wrap(
            "title",
            "Title Slide",
            styled_placeholder(
                2,
                "Title 1",
                r#"<p:ph type="ctrTitle"/>"#,
                ct,
                "b",
                &format!(
                    r#"<a:lvl1pPr algn="ctr"><a:defRPr sz="{}"/></a:lvl1pPr>"#,
                    centipoints(80.0)
                ),
            ) + &styled_placeholder(
                3,
                "Subtitle 2",
                r#"<p:ph type="subTitle" idx="1"/>"#,
                st,
                "t",
                &format!(
                    r#"<a:lvl1pPr marL="0" indent="0" algn="ctr"><a:buNone/><a:defRPr sz="{}"><a:solidFill><a:schemeClr val="tx2"/></a:solidFill></a:defRPr></a:lvl1pPr>"#,
                    centipoints(40.0)
                ),
            ),
        ),
        wrap(
            "obj",
            "Title and Content",
            title()
                + &placeholder(
                    3,
                    "Content Placeholder 2",
                    r#"<p:ph idx="1"/>"#,
                    body_rect(),
                    "t",
                ),
        ),
        wrap("titleOnly", "Title Only", title()),
    ]
}

pub fn notes_master() -> String {
    let img = Rect {
        x: 381000.0 / super::EMU_PER_UNIT,
        y: 685800.0 / super::EMU_PER_UNIT,
        w: 6096000.0 / super::EMU_PER_UNIT,
        h: 3429000.0 / super::EMU_PER_UNIT,
    };
    let body = Rect {
        x: 685800.0 / super::EMU_PER_UNIT,
        y: 4400550.0 / super::EMU_PER_UNIT,
        w: 5486400.0 / super::EMU_PER_UNIT,
        h: 3600450.0 / super::EMU_PER_UNIT,
    };
    let img = format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg" idx="2"/></p:nvPr></p:nvSpPr><p:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln w="12700"><a:solidFill><a:prstClr val="black"/></a:solidFill></a:ln></p:spPr></p:sp>"#,
        xfrm(img)
    );
    let body = placeholder(
        3,
        "Notes Placeholder 2",
        r#"<p:ph type="body" sz="quarter" idx="3"/>"#,
        body,
        "t",
    );
    let style = level(0, 1200, false, 0);
    format!(
        r#"{DECL}<p:notesMaster {NS}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>{TREE_START}{img}{body}</p:spTree></p:cSld><p:clrMap {CLR_MAP}/><p:notesStyle>{style}</p:notesStyle></p:notesMaster>"#
    )
}

pub fn pres_props() -> String {
    format!("{DECL}<p:presentationPr {NS}/>")
}

pub fn view_props() -> String {
    format!(
        r#"{DECL}<p:viewPr {NS}><p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="94660"/></p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>"#
    )
}

pub fn table_styles() -> String {
    format!(
        r#"{DECL}<a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" def="{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}"/>"#
    )
}

pub fn core_props(title: &str, when: &str) -> String {
    format!(
        r#"{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>Outcome Explorer</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>"#,
        xml_escape(title)
    )
}

pub fn app_props(slides: usize) -> String {
    format!(
        r#"{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Outcome Explorer</Application><PresentationFormat>Widescreen</PresentationFormat><Slides>{slides}</Slides></Properties>"#
    )
}

pub fn root_rels() -> String {
    format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="ppt/presentation.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/></Relationships>"#
    )
}

/// `[Content_Types].xml` for `slides` slides, of which those in `notes` have speaker notes.
pub fn content_types(slides: usize, notes: &[usize]) -> String {
    let mut o = String::new();
    let mut over = |part: &str, kind: &str| {
        o.push_str(&format!(
            r#"<Override PartName="{part}" ContentType="{kind}"/>"#
        ));
    };
    over(
        "/ppt/presentation.xml",
        &format!("{CT}.presentation.main+xml"),
    );
    over(
        "/ppt/slideMasters/slideMaster1.xml",
        &format!("{CT}.slideMaster+xml"),
    );
    for i in 1..=3 {
        over(
            &format!("/ppt/slideLayouts/slideLayout{i}.xml"),
            &format!("{CT}.slideLayout+xml"),
        );
    }
    over(
        "/ppt/notesMasters/notesMaster1.xml",
        &format!("{CT}.notesMaster+xml"),
    );
    for i in 1..=2 {
        over(
            &format!("/ppt/theme/theme{i}.xml"),
            "application/vnd.openxmlformats-officedocument.theme+xml",
        );
    }
    over("/ppt/presProps.xml", &format!("{CT}.presProps+xml"));
    over("/ppt/viewProps.xml", &format!("{CT}.viewProps+xml"));
    over("/ppt/tableStyles.xml", &format!("{CT}.tableStyles+xml"));
    for i in 1..=slides {
        over(
            &format!("/ppt/slides/slide{i}.xml"),
            &format!("{CT}.slide+xml"),
        );
    }
    for &i in notes {
        over(
            &format!("/ppt/notesSlides/notesSlide{i}.xml"),
            &format!("{CT}.notesSlide+xml"),
        );
    }
    over(
        "/docProps/core.xml",
        "application/vnd.openxmlformats-package.core-properties+xml",
    );
    over(
        "/docProps/app.xml",
        "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    );
    format!(
        r#"{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>{o}</Types>"#
    )
}

/// A relationships part from (id, type, target) triples.
pub fn rels(items: &[(String, &str, String)]) -> String {
    let mut o = String::new();
    for (id, kind, target) in items {
        o.push_str(&format!(
            r#"<Relationship Id="{id}" Type="{REL}/{kind}" Target="{target}"/>"#
        ));
    }
    format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{o}</Relationships>"#
    )
}
