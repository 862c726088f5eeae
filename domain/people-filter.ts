/**
 * The admin's people list filters by department; this value asks for the people in none (invited
 * without one). Here rather than beside the schema so the app can name it without TypeBox.
 */
export const NO_DEPARTMENT = 'none'
