# Varnish 7.1 in front of Stackwise, with the xkey module of Debian's varnish-modules (docs/deployment.md).
# Pages are cached until the site purges the keys a save changed; bench/cdn.sh runs it with two instances.
vcl 4.1;

import directors;
import xkey;

# The site's instances (bench/cdn.sh starts two on these ports); /readyz answers 200 once an instance has content.
backend one {
    .host = "127.0.0.1";
    .port = "5101";
    .probe = { .url = "/readyz"; .interval = 1s; .timeout = 500ms; .window = 3; .threshold = 2; }
}
backend two {
    .host = "127.0.0.1";
    .port = "5102";
    .probe = { .url = "/readyz"; .interval = 1s; .timeout = 500ms; .window = 3; .threshold = 2; }
}

# Who may purge: the site's instances (Cdn:PurgeUrls points at this Varnish). Anyone else gets 403.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new site = directors.round_robin();
    site.add_backend(one);
    site.add_backend(two);
}

sub vcl_recv {
    set req.backend_hint = site.backend();
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purges are accepted only from the addresses in acl purgers"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "A purge names its keys in an xkey-purge header"));
        }
        # A hard purge: the objects are gone at once, never served stale in grace.
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Search answers every query afresh and says nothing about caching: never kept here.
    if (req.url ~ "^/search") {
        return (pass);
    }
    # No page reads cookies or authorization.
    unset req.http.Cookie;
    unset req.http.Authorization;
    return (hash);
}

sub vcl_backend_response {
    # A response with neither keys nor caching headers is not the site's to cache (Varnish would keep it 2 minutes).
    if (!beresp.http.Surrogate-Key && !beresp.http.Cache-Control) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # The site names what each response was made from; xkey indexes the header it reads, xkey.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
        # Kept until a purge says otherwise: a day here, whatever s-maxage says (that is for caches nobody purges).
        # A response the site marks private or no-store (search) is not cached at all.
        if (beresp.http.Cache-Control !~ "(private|no-store)") {
            set beresp.ttl = 1d;
            set beresp.grace = 0s;
        }
    }
}

sub vcl_deliver {
    # Readers see the site's own Cache-Control; the keys are for this cache only.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
