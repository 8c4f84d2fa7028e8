/**
 * The shared kernel: who is calling ({@link eu.rathaus.kernel.TenantScope}, {@link
 * eu.rathaus.kernel.CallerScope}) and how that scope reaches PostgreSQL's row-level security
 * ({@link eu.rathaus.kernel.TenantScoped}, {@link eu.rathaus.kernel.DatabaseTenantScope}). Every
 * capability may use it; it uses no capability, so tenancy and audit no longer need each other.
 */
package eu.rathaus.kernel;
