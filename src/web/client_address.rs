//! The client's address: the peer's, unless the peer is a reverse proxy the operator trusts
//! (`trusted_proxies`), whose `X-Forwarded-For` then names the client. The per-address limits
//! (submissions, log-in throttle, "me too" cap) key on it.
//!
//! `X-Forwarded-For` is read from the right: each trusted proxy appends the address it saw, so
//! the first entry from the right that is not a trusted proxy is the client; anything to its
//! left was written by the client and is not believed. From a peer that is not trusted, the
//! header is ignored (anyone can send one).

use std::net::IpAddr;

use actix_web::dev::ServiceRequest;
use actix_web::HttpRequest;

/// The reverse proxies whose `X-Forwarded-For` is believed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpAddr>);

impl TrustedProxies {
    /// From a comma-separated list of addresses (`10.0.0.2, ::1`); empty trusts none.
    pub fn parse(list: &str) -> Result<Self, String> {
        list.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| s.parse::<IpAddr>().map_err(|_| format!("trusted_proxies: {s:?} is not an IP address")))
            .collect::<Result<Vec<_>, _>>()
            .map(TrustedProxies)
    }

    fn trusts(&self, ip: &IpAddr) -> bool {
        self.0.contains(ip)
    }

    /// The client behind `peer`, given the `X-Forwarded-For` values it sent.
    pub fn client(&self, peer: Option<IpAddr>, forwarded_for: &[&str]) -> Option<IpAddr> {
        let peer = peer?;
        if !self.trusts(&peer) {
            return Some(peer);
        }
        let hops: Vec<IpAddr> =
            forwarded_for.iter().flat_map(|v| v.split(',')).filter_map(|h| h.trim().parse().ok()).collect();
        match hops.iter().rev().find(|ip| !self.trusts(ip)) {
            Some(client) => Some(*client),
            // Only proxies: the leftmost is as far as anyone can tell.
            None => hops.first().copied().or(Some(peer)),
        }
    }

    fn of(&self, peer: Option<IpAddr>, headers: &actix_web::http::header::HeaderMap) -> Option<IpAddr> {
        let values: Vec<&str> = headers.get_all("x-forwarded-for").filter_map(|v| v.to_str().ok()).collect();
        self.client(peer, &values)
    }

    /// The client address of a request.
    pub fn of_request(&self, req: &HttpRequest) -> Option<IpAddr> {
        self.of(req.peer_addr().map(|a| a.ip()), req.headers())
    }

    /// The client address of a request still in the middleware chain.
    pub fn of_service_request(&self, req: &ServiceRequest) -> Option<IpAddr> {
        self.of(req.peer_addr().map(|a| a.ip()), req.headers())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn a_peer_that_is_not_trusted_is_the_client_whatever_it_says() {
        let proxies = TrustedProxies::parse("10.0.0.2").unwrap();
        assert_eq!(proxies.client(Some(ip("203.0.113.9")), &["1.2.3.4"]), Some(ip("203.0.113.9")));
        assert_eq!(TrustedProxies::default().client(Some(ip("10.0.0.2")), &["1.2.3.4"]), Some(ip("10.0.0.2")));
    }

    #[test]
    fn behind_trusted_proxies_the_rightmost_untrusted_hop_is_the_client() {
        let proxies = TrustedProxies::parse("10.0.0.2, 10.0.0.3").unwrap();
        let peer = Some(ip("10.0.0.2"));
        assert_eq!(proxies.client(peer, &["198.51.100.7"]), Some(ip("198.51.100.7")));
        // The client forged a first hop; the proxies appended the real one and themselves.
        assert_eq!(proxies.client(peer, &["6.6.6.6, 198.51.100.7, 10.0.0.3"]), Some(ip("198.51.100.7")));
        assert_eq!(proxies.client(peer, &["6.6.6.6", "198.51.100.7"]), Some(ip("198.51.100.7")), "two headers");
        assert_eq!(proxies.client(peer, &["not-an-ip, 198.51.100.7"]), Some(ip("198.51.100.7")));
        assert_eq!(proxies.client(peer, &[]), peer, "no header: the proxy itself");
        assert_eq!(proxies.client(peer, &["10.0.0.3"]), Some(ip("10.0.0.3")));
    }

    #[test]
    fn a_list_with_something_that_is_not_an_address_is_refused() {
        assert!(TrustedProxies::parse("10.0.0.2, proxy.local").is_err());
        assert_eq!(TrustedProxies::parse(" ").unwrap(), TrustedProxies::default());
        assert!(TrustedProxies::parse("::1,127.0.0.1").is_ok());
    }
}
