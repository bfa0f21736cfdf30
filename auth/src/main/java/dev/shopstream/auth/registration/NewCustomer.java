package dev.shopstream.auth.registration;

/** Who signs up: the address is also the user name; the password goes to Keycloak and nowhere else. */
public record NewCustomer(String email, String password, String firstName, String lastName, String locale) {

    @Override
    public String toString() {
        return "NewCustomer[email=" + email + "]";
    }
}
