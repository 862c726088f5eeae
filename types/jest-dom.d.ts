// jest-dom matchers (toBeInTheDocument, toHaveClass …), registered in test/app/support/setup.js.
/// <reference types="@testing-library/jest-dom" />
