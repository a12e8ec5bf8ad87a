/**
 * HTTP face of the catalog: the list of register templates, the form
 * description of one, its xlsx header row, and validation of a record.
 */
import type { FastifyInstance } from 'fastify';
import { CURRENT_TEMPLATE, TEMPLATES, getTemplate } from './catalog.js';
import { formDescription } from './form.js';
import { headerRow } from './header.js';
import { TemplateParams, ValidateBody } from './registers.schema.js';
import { validateTemplateRecord } from './validate-record.js';

export interface RegistersRouteOptions {
  clock: () => Date;
}

/**
 * The catalog holds no personal data: any signed-in user may read it. The
 * declaration is written out here (registers sits below auth and may not
 * import its `access()` helper; the shape is auth's RouteAccess).
 */
const SIGNED_IN = { config: { access: { gate: 'signed-in', target: { kind: 'none' } } } } as const;

export async function registersRoutes(app: FastifyInstance, opts: RegistersRouteOptions): Promise<void> {
  const current = new Set<string>(Object.values(CURRENT_TEMPLATE));
  app.get('/api/registers', SIGNED_IN, async () =>
    TEMPLATES.map((t) => ({ id: t.id, registerType: t.registerType, title: t.title, source: t.source, columns: t.fields.length, current: current.has(t.id) })),
  );
  app.get('/api/registers/:id/form', SIGNED_IN, async (req) => formDescription(getTemplate(TemplateParams.parse(req.params).id)));
  app.get('/api/registers/:id/header', SIGNED_IN, async (req) => headerRow(getTemplate(TemplateParams.parse(req.params).id)));
  app.post('/api/registers/:id/validate', SIGNED_IN, async (req) => {
    const template = getTemplate(TemplateParams.parse(req.params).id);
    const { values } = ValidateBody.parse(req.body);
    return { templateId: template.id, findings: validateTemplateRecord(template, values, { today: opts.clock() }) };
  });
}
