// Validates docs/openapi.yaml against the OpenAPI 3 schema and resolves every $ref (CTest: openapi_valid).
'use strict';
const SwaggerParser = require('@apidevtools/swagger-parser');

const file = process.argv[2];
if (!file) {
    console.error('usage: node validate-openapi.js docs/openapi.yaml');
    process.exit(2);
}
SwaggerParser.validate(file)
    .then((api) => {
        const operations = Object.values(api.paths).reduce((n, item) => n + Object.keys(item).filter((k) =>
            ['get', 'put', 'post', 'delete', 'patch'].includes(k)).length, 0);
        console.log(`${api.info.title} ${api.info.version}: valid OpenAPI ${api.openapi}, ` +
                    `${Object.keys(api.paths).length} paths, ${operations} operations`);
    })
    .catch((error) => {
        console.error(`${file}: ${error.message}`);
        process.exit(1);
    });
