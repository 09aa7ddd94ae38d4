//! The Handlebars registries: strict, every template registered at start-up
//! from the files compiled into the binary, with the i18n helpers.

use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, JsonRender, Output, RenderContext, RenderErrorReason,
};
use rust_embed::RustEmbed;

use crate::domain::Locale;
use crate::i18n;

#[derive(RustEmbed)]
#[folder = "templates/"]
#[include = "*.hbs"]
struct TemplateFiles;

/// Pages and HTML mail (escaping on) and plain-text mail and subjects (escaping off).
pub struct Templates {
    /// Registry for HTML output.
    pub html: Handlebars<'static>,
    /// Registry for `subject.hbs` and `body.txt.hbs`.
    pub text: Handlebars<'static>,
}

/// Builds both registries; fails if any template does not parse.
pub fn build() -> anyhow::Result<Templates> {
    let mut html = registry(true);
    let mut text = registry(false);
    for path in TemplateFiles::iter() {
        let file = TemplateFiles::get(&path).expect("listed files exist");
        let source =
            std::str::from_utf8(&file.data).map_err(|_| anyhow::anyhow!("template {path} is not UTF-8"))?.to_owned();
        let name = path.trim_end_matches(".hbs").to_owned();
        let plain = name.ends_with("/subject") || name.ends_with("/body.txt");
        let target = if plain { &mut text } else { &mut html };
        target
            .register_template_string(&name, &source)
            .map_err(|e| anyhow::anyhow!("template {path} does not parse: {e}"))?;
        // Partials and layouts must be usable from the plain registry too.
        if !plain && !name.starts_with("pages/") && !name.starts_with("email/") {
            text.register_template_string(&name, source)?;
        }
    }
    Ok(Templates { html, text })
}

fn registry(escape: bool) -> Handlebars<'static> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.set_dev_mode(false);
    if !escape {
        hb.register_escape_fn(handlebars::no_escape);
    }
    hb.register_helper("t", Box::new(Translate { escape }));
    hb.register_helper("num", Box::new(Number));
    hb.register_helper("quarter", Box::new(QuarterShown));
    hb
}

/// `{{quarter "2026-27 Q2"}}`: a stored quarter label as the page's language writes it (also as
/// a value: `{{t "id" quarter=(quarter q)}}`).
struct QuarterShown;

impl HelperDef for QuarterShown {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<handlebars::ScopedJson<'rc>, handlebars::RenderError> {
        let label = h
            .param(0)
            .and_then(|p| p.value().as_str())
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("quarter", 0))?;
        let shown = crate::domain::backlog::Quarter::shown_label(label, locale_of(ctx));
        Ok(handlebars::ScopedJson::Derived(serde_json::Value::String(shown)))
    }
}

fn locale_of(ctx: &Context) -> Locale {
    ctx.data().get("lang").and_then(|l| l.as_str()).and_then(Locale::parse).unwrap_or_default()
}

/// `{{t "message-id" name=value …}}`: a catalog message in the page's language (`lang` at the root).
struct Translate {
    escape: bool,
}

impl HelperDef for Translate {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let id = h.param(0).and_then(|p| p.value().as_str()).ok_or(RenderErrorReason::ParamNotFoundForIndex("t", 0))?;
        let args: Vec<(&str, String)> = h.hash().iter().map(|(k, v)| (*k, v.value().render())).collect();
        let locale = locale_of(ctx);
        let text = i18n::try_message(locale, id, &args)
            .ok_or_else(|| RenderErrorReason::Other(format!("no message {id} for {}", locale.code())))?;
        let text = if self.escape { handlebars::html_escape(&text) } else { text };
        out.write(&text)?;
        Ok(())
    }
}

/// `{{num value}}`: a number with the page language's digits.
struct Number;

impl HelperDef for Number {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let value = h.param(0).ok_or(RenderErrorReason::ParamNotFoundForIndex("num", 0))?.value().render();
        out.write(&handlebars::html_escape(&i18n::localise_digits(locale_of(ctx), &value)))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn quarters_are_written_in_the_pages_language_alone_or_inside_a_message() {
        let mut hb = registry(true);
        hb.register_template_string("x", "{{quarter q}} | {{t \"backlog-review-title\" quarter=(quarter q)}}").unwrap();
        let bn = hb.render("x", &json!({"lang": "bn", "q": "2026-27 Q2"})).unwrap();
        assert!(bn.starts_with("২০২৬-২৭ প্রান্তিক ২ | ২০২৬-২৭ প্রান্তিক ২-এর"), "{bn}");
        let en = hb.render("x", &json!({"lang": "en", "q": "2026-27 Q2"})).unwrap();
        assert!(en.starts_with("2026-27 Q2 | Quarterly review for 2026-27 Q2"), "{en}");
        let odd = hb.render("x", &json!({"lang": "bn", "q": "not a quarter"})).unwrap();
        assert!(odd.starts_with("not a quarter |"), "{odd}");
    }

    #[test]
    fn every_template_parses_at_start_up() {
        let t = build().expect("templates build");
        assert!(t.html.has_template("pages/public/home"));
        assert!(t.html.has_template("layouts/base"));
    }

    #[test]
    fn translations_are_escaped_in_html_and_digits_follow_the_language() {
        let mut hb = registry(true);
        hb.register_template_string("x", "{{t \"error-text-too-short\" min=10}} {{num n}}").unwrap();
        let bn = hb.render("x", &json!({"lang": "bn", "n": 42})).unwrap();
        assert!(bn.contains("১০") && bn.ends_with("৪২"), "{bn}");
        let en = hb.render("x", &json!({"lang": "en", "n": 42})).unwrap();
        assert!(en.contains("10") && en.ends_with("42"), "{en}");
    }

    #[test]
    fn a_missing_variable_is_an_error() {
        let mut hb = registry(true);
        hb.register_template_string("x", "{{nope}}").unwrap();
        assert!(hb.render("x", &json!({"lang": "en"})).is_err());
    }
}
