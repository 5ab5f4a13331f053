// Starts Swagger UI on the workbench's own OpenAPI description (an external file: the pages allow no inline script).
"use strict";
window.addEventListener("load", () => {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
