/**
 * Field limits, defined once: the TypeBox schemas, the app's forms and the server's own checks
 * all read these, so a form never accepts what the server refuses. Lengths count characters
 * (code points) as people do, not bytes.
 */
export const LIMITS = {
  messageBody: 2000,
  replyBody: 5000,
  /** A note given with an action (why a case is returned, a word of thanks). */
  actionNote: 500,
  /** An internal note on the desk. */
  internalNote: 2000,
  caseTitle: 60,
  caseBody: 5000,
  placeAddress: 200,
  topic: 20,
  /** An admin's reply template: its name in the picker; its text is a reply (replyBody). */
  cannedTitle: 40,
  departmentName: 40,
  topicsPerItem: 5,
  photosPerCase: 9,
  /** A citizen's photos on one message. */
  photosPerMessage: 6,
  /** The business a message concerns (as on its licence or shop sign). */
  businessName: 100,
  /** Who a praise names: a person or a unit. */
  praised: 60,
  /** The named body a message out of jurisdiction was passed on to. */
  transferredTo: 100,
  personName: 32,
  /** A saved inbox view's name (the sidebar's width). */
  savedViewLabel: 20,
  username: 64,
  password: 128,
  /** The upload limit in MB (the server answers 413 above it). */
  uploadMb: 15,
  /** Inbox page size. */
  pageSize: 100,
  /** Items named in one batch request. */
  batchItems: 200,
  /** Items one "all that match this filter" batch acts on; it says when more matched. */
  batchFilterCap: 500,
  /** The public board (选登): search words, page size, masked spans per text. */
  boardQuery: 40,
  boardPageSize: 20,
  boardSpans: 200,
  /** An outlet's name in the ledger (人民日报, 市局信息专报, 本局微信公众号). */
  outletName: 60,
  /** A publication's link. */
  publicationLink: 500,
  /** Credited authors or departments of one piece. */
  creditsPerPiece: 20,
  /** A department's or the bureau's yearly target, in pieces. */
  targetCount: 100000,
  /** The admin's people list (人员): the page it asks for (at most pageSize). */
  adminPeoplePage: 50,
  /** Its search, by a fragment of a name or of a desk login (username, the longer of the two). */
  adminPeopleQuery: 64
} as const

/**
 * The admin lists that are not paged, because a bureau keeps them short by nature: each is read
 * whole (pickers, the pre-publication scan) and shown whole. A bureau may have at most this many;
 * creating one more is refused (409 `list_full`, server/services/list-caps.ts#holdToCap) rather than
 * letting a list grow until it is slow to load or a picker is unusable. Generous against what a
 * county bureau uses: about 20 科室 and 15 市场监管所, 5 to 15 focus topics a year, a few dozen
 * reply templates and outlets.
 */
export const LIST_CAPS = {
  departments: 200,
  /** Per year: a year's plan names its topics. */
  topicsPerYear: 100,
  cannedReplies: 200,
  outlets: 300,
  /** The bureau's own additions to the built-in expression list; the scan reads every one on every draft version. */
  editorialExpressions: 500
} as const

/** A mainland mobile number: 11 digits starting 13–19. */
export const PHONE_PATTERN = '^1[3-9][0-9]{9}$'

// Names the app and schemas already use, all read from LIMITS.
export const MESSAGE_BODY_MAX = LIMITS.messageBody
export const REPLY_BODY_MAX = LIMITS.replyBody
export const ACTION_NOTE_MAX = LIMITS.actionNote
export const INTERNAL_NOTE_MAX = LIMITS.internalNote
export const CASE_TITLE_MAX = LIMITS.caseTitle
export const CASE_BODY_MAX = LIMITS.caseBody
export const CASE_PHOTOS_MAX = LIMITS.photosPerCase
export const MAX_UPLOAD_MB = LIMITS.uploadMb
export const MESSAGE_PHOTOS_MAX = LIMITS.photosPerMessage
