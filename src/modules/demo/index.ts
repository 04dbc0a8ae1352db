/**
 * Synthetic insurer's book for `veracity demo`, first-run start-up, benchmarks and tests:
 * deterministic by seed, streamed in constant memory.
 */
export { generateAgents } from './agents.js';
export { applicationAt, type DemoApplication, generateApplications, generateDemoApplications } from './applications.js';
export { type Book, type BookOptions, openBook } from './book.js';
export { generateComplaints } from './complaints.js';
export { DEFECT_RATE, DEMO_DEFECTS, type DemoDefect } from './defects.js';
export { SHARED_CONTACT_KINDS, SHARED_CONTACT_RATE, type SharedContactKind } from './shared-contacts.js';
export { type WrittenBook, writeBook } from './write-book.js';
