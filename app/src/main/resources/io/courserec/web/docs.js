// Swagger UI over the served OpenAPI document. The document's server is replaced by this page's origin, so
// "Try it out" calls the server that served the page; no validator badge (it would call validator.swagger.io).
'use strict';
fetch('/openapi.json').then(r => r.json()).then(spec => {
  spec.servers = [{url: location.origin}];
  window.ui = SwaggerUIBundle({
    spec,
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
