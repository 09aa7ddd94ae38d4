//! What a staff page reads besides the request (the database, the cached counts, the
//! settings, the classifier and the templates), as one extractor, so that a form refused on
//! a page can render that page again without naming each part.

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};

use crate::backlog::inputs::CountedCache;
use crate::config::Settings;
use crate::db::Pool;
use crate::themes::Classifier;
use crate::web::Renderer;

/// The application's shared parts a page renders from.
pub struct PageParts {
    /// The database.
    pub pool: web::Data<Pool>,
    /// Counter-derived score inputs, cached per process.
    pub counted: web::Data<CountedCache>,
    /// Settings (rates and the like).
    pub settings: web::Data<Settings>,
    /// The pain classifier.
    pub classifier: web::Data<Classifier>,
    /// The templates.
    pub renderer: web::Data<Renderer>,
}

fn part<T: 'static>(req: &HttpRequest) -> Result<web::Data<T>, actix_web::Error> {
    req.app_data::<web::Data<T>>()
        .cloned()
        .ok_or_else(|| actix_web::error::ErrorInternalServerError("application data missing"))
}

impl FromRequest for PageParts {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready((|| {
            Ok(PageParts {
                pool: part(req)?,
                counted: part(req)?,
                settings: part(req)?,
                classifier: part(req)?,
                renderer: part(req)?,
            })
        })())
    }
}
