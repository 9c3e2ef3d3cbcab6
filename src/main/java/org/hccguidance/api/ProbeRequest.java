package org.hccguidance.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.MappingMatch;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A request that is never sent: the method, path and query parameter names of an operation, so that
 * {@link org.hccguidance.security.EndpointAccess} can say which tier the operation falls in. The
 * OpenAPI document then states exactly the access rule the security filter chain enforces, from the
 * same code, instead of a second copy that could drift. Anything else a matcher asks of it fails
 * loudly rather than answering with a made-up value.
 */
final class ProbeRequest extends HttpServletRequestWrapper {

    private static final HttpServletRequest NOTHING = (HttpServletRequest) Proxy.newProxyInstance(
            ProbeRequest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                throw new UnsupportedOperationException("a probe request has no " + method.getName());
            });

    private final String method;
    private final String path;
    private final Map<String, String[]> parameters;
    private final Map<String, Object> attributes = new HashMap<>();

    ProbeRequest(String method, String path, Set<String> parameterNames) {
        super(NOTHING);
        this.method = method;
        this.path = path;
        this.parameters = Collections.unmodifiableMap(parameterNames.stream()
                .collect(Collectors.toMap(n -> n, n -> new String[] {""})));
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getRequestURI() {
        return path;
    }

    @Override
    public StringBuffer getRequestURL() {
        return new StringBuffer(path);
    }

    @Override
    public String getContextPath() {
        return "";
    }

    @Override
    public String getServletPath() {
        return path;
    }

    @Override
    public String getPathInfo() {
        return null;
    }

    @Override
    public String getQueryString() {
        return parameters.isEmpty() ? null : String.join("&", parameters.keySet());
    }

    @Override
    public DispatcherType getDispatcherType() {
        return DispatcherType.REQUEST;
    }

    @Override
    public HttpServletMapping getHttpServletMapping() {
        // Spring MVC's dispatcher servlet is mapped to "/", so routed paths are whole request paths.
        return new HttpServletMapping() {
            @Override
            public String getMatchValue() {
                return "";
            }

            @Override
            public String getPattern() {
                return "/";
            }

            @Override
            public String getServletName() {
                return "dispatcherServlet";
            }

            @Override
            public MappingMatch getMappingMatch() {
                return MappingMatch.DEFAULT;
            }
        };
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        return parameters.get(name);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(attributes.keySet());
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }
}
