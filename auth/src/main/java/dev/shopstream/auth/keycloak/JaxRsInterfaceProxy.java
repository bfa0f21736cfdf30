package dev.shopstream.auth.keycloak;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.Optional;

/**
 * Client proxies for the admin client's annotated resource interfaces ({@code UsersResource}, {@code RealmResource},
 * …) on the standard Jakarta REST client API, so the admin client runs on the server's own client implementation
 * instead of the RESTEasy copy it would bring. Supports what those interfaces use: HTTP-method and sub-resource
 * locator methods, path, query, header and form parameters with defaults, one entity parameter, and Response, void or
 * entity return types; an error status becomes a {@link WebApplicationException} like RESTEasy's proxies throw.
 */
final class JaxRsInterfaceProxy implements InvocationHandler {

    private final WebTarget target;
    private final Class<?> type;

    private JaxRsInterfaceProxy(WebTarget target, Class<?> type) {
        this.target = target;
        this.type = type;
    }

    static <R> R create(WebTarget target, Class<R> type) {
        WebTarget base = type.isAnnotationPresent(Path.class) ? target.path(type.getAnnotation(Path.class).value()) : target;
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                new JaxRsInterfaceProxy(base, type)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            // A proxy passes on only these three of Object's methods; the default branch cannot be reached.
            return switch (method.getName()) {
                case "toString" -> type.getSimpleName() + " at " + target.getUri();
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == arguments[0];
                default -> throw new UnsupportedOperationException(method.getName());
            };
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, arguments);
        }
        Object[] values = arguments == null ? new Object[0] : arguments;
        WebTarget resource = method.isAnnotationPresent(Path.class) ? target.path(method.getAnnotation(Path.class).value()) : target;
        Optional<String> httpMethod = httpMethod(method);
        Form form = null;
        Object entity = null;
        Parameter[] parameters = method.getParameters();
        for (int index = 0; index < parameters.length; index++) {
            Parameter parameter = parameters[index];
            Object value = values[index] != null ? values[index] : defaultValue(parameter);
            if (parameter.isAnnotationPresent(PathParam.class)) {
                resource = resource.resolveTemplate(parameter.getAnnotation(PathParam.class).value(), value, true);
            } else if (parameter.isAnnotationPresent(QueryParam.class)) {
                resource = withQuery(resource, parameter.getAnnotation(QueryParam.class).value(), value);
            } else if (parameter.isAnnotationPresent(FormParam.class)) {
                if (value != null) {
                    form = (form == null ? new Form() : form).param(parameter.getAnnotation(FormParam.class).value(), value.toString());
                }
            } else if (!parameter.isAnnotationPresent(HeaderParam.class)) {
                entity = value;
            }
        }
        if (httpMethod.isEmpty()) {
            return create(resource, method.getReturnType());
        }
        Invocation.Builder request = resource.request(produces(method));
        for (int index = 0; index < parameters.length; index++) {
            HeaderParam header = parameters[index].getAnnotation(HeaderParam.class);
            if (header != null && values[index] != null) {
                request.header(header.value(), values[index]);
            }
        }
        Object body = form != null ? form : entity;
        Response response = body == null
                ? request.method(httpMethod.get())
                : request.method(httpMethod.get(), Entity.entity(body, consumes(method, form != null)));
        return result(method, response);
    }

    private static Object result(Method method, Response response) {
        if (method.getReturnType() == Response.class) {
            return response;
        }
        if (response.getStatus() >= 400) {
            // Buffered and left open, so whoever catches the exception can still read Keycloak's error body.
            throw failure(response);
        }
        try (response) {
            if (method.getReturnType() == void.class || response.getStatus() == Response.Status.NO_CONTENT.getStatusCode()) {
                return null;
            }
            return response.readEntity(new GenericType<>(method.getGenericReturnType()));
        }
    }

    private static WebApplicationException failure(Response response) {
        response.bufferEntity();
        return switch (response.getStatus()) {
            case 400 -> new BadRequestException(response);
            case 404 -> new NotFoundException(response);
            default -> new WebApplicationException("Keycloak answered " + response.getStatus(), response);
        };
    }

    private static WebTarget withQuery(WebTarget resource, String name, Object value) {
        if (value == null) {
            return resource;
        }
        if (value instanceof Collection<?> values) {
            return resource.queryParam(name, values.toArray());
        }
        return resource.queryParam(name, value);
    }

    private static Object defaultValue(Parameter parameter) {
        DefaultValue defaultValue = parameter.getAnnotation(DefaultValue.class);
        return defaultValue == null ? null : defaultValue.value();
    }

    private static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return Optional.of(httpMethod.value());
            }
        }
        return Optional.empty();
    }

    private static String[] produces(Method method) {
        Produces produces = method.isAnnotationPresent(Produces.class) ? method.getAnnotation(Produces.class)
                : method.getDeclaringClass().getAnnotation(Produces.class);
        return produces == null ? new String[]{MediaType.APPLICATION_JSON} : produces.value();
    }

    private static MediaType consumes(Method method, boolean form) {
        if (form) {
            return MediaType.APPLICATION_FORM_URLENCODED_TYPE;
        }
        Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                : method.getDeclaringClass().getAnnotation(Consumes.class);
        return consumes == null ? MediaType.APPLICATION_JSON_TYPE : MediaType.valueOf(consumes.value()[0]);
    }
}
