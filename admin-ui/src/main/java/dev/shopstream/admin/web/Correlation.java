package dev.shopstream.admin.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.UUID;

/** This console request's correlation id: sent to every service it calls and shown with every error. */
@Named
@RequestScoped
public class Correlation {

    public static final String HEADER = "X-Correlation-Id";

    private final String id = UUID.randomUUID().toString();

    public String id() {
        return id;
    }

    public String getId() {
        return id;
    }
}
