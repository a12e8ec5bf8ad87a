/**
 * The home pages (#/), one per role, each lazily loaded: the planner's
 * province dashboard (the plans page), the officer's commune (books by stage,
 * registrations waiting for her approval, stages due), the keyer's queue
 * (next record, today's count, QC accuracy, assigned books), the reviewer's
 * arbitration and sampling queues, the administrator's overview. Figures come
 * from GET /api/home and the existing plans and QC calls.
 */
export { HomePage } from './HomePage.js';
