/** True only in the end-to-end test build (`UNCANNED_E2E=1`); test hooks are compiled out of release bundles. */
declare const __UNCANNED_E2E__: boolean;
