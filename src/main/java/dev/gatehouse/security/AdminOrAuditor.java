package dev.gatehouse.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/** Admins and auditors may call the annotated service method, or every method of the annotated service. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAnyRole('" + GatehouseRole.ADMIN_NAME + "', '" + GatehouseRole.AUDITOR_NAME + "')")
public @interface AdminOrAuditor {
}
