using CommandCenter.Domain.Cases;
using Microsoft.AspNetCore.Components;
using CommandCenter.Web.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommandCenter.Web.Components;

/// <summary>A page that acts for the signed-in user: it knows them as a domain <see cref="Actor"/>.</summary>
public abstract class SignedInComponent : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    protected Actor? Actor { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        if (AuthState is not null)
        {
            Actor = (await AuthState).User.ToActor();
        }
        await OnSignedInAsync();
    }

    protected virtual Task OnSignedInAsync() => Task.CompletedTask;
}
