package org.hccguidance.security;

/** Credentials from the environment; an empty password disables that account. */
public record AdminCredentials(String adminUser, String adminPassword, String clientUser, String clientPassword) {

    public boolean adminEnabled() {
        return adminPassword != null && !adminPassword.isBlank();
    }

    public boolean clientEnabled() {
        return clientPassword != null && !clientPassword.isBlank();
    }

    @Override
    public String toString() {
        return "AdminCredentials[adminUser=" + adminUser + ", clientUser=" + clientUser + ", passwords hidden]";
    }
}
