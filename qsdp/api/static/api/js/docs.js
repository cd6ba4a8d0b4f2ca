"use strict";
// Starts Swagger UI on the API docs page. The configuration comes from a
// json_script block: the page has no inline script (strict CSP).
(function () {
  const config = JSON.parse(document.getElementById("api-docs-config").textContent);
  window.ui = SwaggerUIBundle({
    url: config.schemaUrl,
    dom_id: "#swagger-ui",
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "BaseLayout",
    deepLinking: true,
    // "Try it out" with the session: Django wants the CSRF token on changes.
    requestInterceptor: function (request) {
      request.headers["X-CSRFToken"] = config.csrfToken;
      return request;
    },
  });
})();
