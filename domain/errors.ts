/**
 * Errors of the domain, thrown by repositories and services and by nothing HTTP-specific.
 * Each carries a Chinese message a person can act on and a machine-readable code; the
 * server's one error handler maps each class to its 4xx status. They live in `domain/` so
 * that guards in transition tables can return them too.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict'
  constructor(
    message: string,
    readonly code: string
  ) {
    super(message)
    this.name = new.target.name
  }
}

/** The input is wrong; `field` names the offending field when there is one. */
export class InvalidError extends DomainError {
  readonly kind = 'invalid'
  constructor(
    message: string,
    readonly field?: string,
    code = 'bad_request'
  ) {
    super(message, code)
  }
}

export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated'
  constructor(message = '请先登录', code = 'unauthorized') {
    super(message, code)
  }
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden'
  constructor(message = '您没有权限进行此操作', code = 'forbidden') {
    super(message, code)
  }
}

/** Also what someone gets for a thing that exists but is not theirs to see. */
export class NotFoundError extends DomainError {
  readonly kind = 'not_found'
  constructor(message = '内容不存在或已被删除', code = 'not_found') {
    super(message, code)
  }
}

/**
 * The request is fine but the state it met is not: a transition the table refuses, a code
 * already used, a stale version. `details` tell the client what it ran into.
 */
export class ConflictError extends DomainError {
  readonly kind = 'conflict'
  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
    code = 'conflict'
  ) {
    super(message, code)
  }
}

export const isDomainError = (err: unknown): err is DomainError => err instanceof DomainError
