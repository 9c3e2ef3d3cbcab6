package org.hccguidance.workbench;

import org.hccguidance.security.AdminCredentials;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: who is signed in, and whether they may use admin actions. */
@ControllerAdvice(basePackageClasses = WorkbenchModel.class)
class WorkbenchModel {

    private final AdminCredentials admin;

    WorkbenchModel(AdminCredentials admin) {
        this.admin = admin;
    }

    @ModelAttribute("user")
    String user() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated() ? null : who.getName();
    }

    @ModelAttribute("isAdmin")
    boolean isAdmin() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who != null && who.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    @ModelAttribute("adminDisabled")
    boolean adminDisabled() {
        return !admin.adminEnabled();
    }
}
